package de.buergerbuero.kernel.model;

import de.buergerbuero.kernel.error.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service (Leistung) the municipality offers online.
 *
 * @param id stable short id used in URLs, e.g. {@code meldebescheinigung}
 * @param leikaKey the LeiKa key of the service
 * @param name German and English name
 * @param description what the citizen gets and needs
 * @param department short id of the responsible department, e.g. {@code ordnungsamt}
 * @param requiredTrustLevel the minimum login assurance to apply
 * @param applicantKinds who may apply (citizens, companies or both)
 * @param formSchemaRef reference to the JSON Schema of the application form (a classpath resource
 *     or URL the catalogue resolves)
 * @param fee the fee
 * @param requiredDocuments documents the applicant has to attach or show
 * @param keywords extra search terms
 */
public record ServiceOffering(
    String id,
    LeikaKey leikaKey,
    LocalizedText name,
    LocalizedText description,
    String department,
    TrustLevel requiredTrustLevel,
    Set<ApplicantKind> applicantKinds,
    String formSchemaRef,
    Fee fee,
    List<LocalizedText> requiredDocuments,
    List<String> keywords) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

  public ServiceOffering {
    if (id == null || !ID.matcher(id).matches()) {
      throw InvalidInputException.field(
          "id", "Dienst-ID: 2–64 Zeichen, Kleinbuchstaben, Ziffern, Bindestrich.");
    }
    Objects.requireNonNull(leikaKey, "leikaKey");
    Objects.requireNonNull(name, "name");
    if (description == null) {
      description = name;
    }
    if (department == null || !ID.matcher(department).matches()) {
      throw InvalidInputException.field(
          "department", "Fachbereich: 2–64 Zeichen, Kleinbuchstaben, Ziffern, Bindestrich.");
    }
    Objects.requireNonNull(requiredTrustLevel, "requiredTrustLevel");
    if (applicantKinds == null || applicantKinds.isEmpty()) {
      applicantKinds = Set.of(ApplicantKind.CITIZEN);
    }
    applicantKinds = Set.copyOf(applicantKinds);
    if (formSchemaRef == null || formSchemaRef.isBlank()) {
      throw InvalidInputException.field("formSchemaRef", "Formularschema fehlt.");
    }
    fee = fee == null ? Fee.FREE : fee;
    requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  public boolean acceptsApplicantKind(ApplicantKind kind) {
    return applicantKinds.contains(kind);
  }
}
