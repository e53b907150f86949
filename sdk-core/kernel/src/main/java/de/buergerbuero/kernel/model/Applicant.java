package de.buergerbuero.kernel.model;

import de.buergerbuero.kernel.error.InvalidInputException;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The person or company behind an application, as far as the portal needs to know it.
 *
 * @param subjectId pseudonymous, stable id from the identity provider (BundID bPK2); never a name
 *     or a birth date
 * @param kind citizen or company
 * @param displayName name shown to clerks
 * @param postboxHandle the BundID postbox reference, if the applicant has one
 */
public record Applicant(
    String subjectId, ApplicantKind kind, String displayName, String postboxHandle)
    implements Serializable {

  public Applicant {
    if (subjectId == null || subjectId.isBlank() || subjectId.length() > 255) {
      throw InvalidInputException.field("subjectId", "Pseudonyme Kennung fehlt oder ist zu lang.");
    }
    Objects.requireNonNull(kind, "kind");
    if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
      throw InvalidInputException.field("displayName", "Anzeigename fehlt oder ist zu lang.");
    }
    if (postboxHandle != null && (postboxHandle.isBlank() || postboxHandle.length() > 255)) {
      throw InvalidInputException.field("postboxHandle", "Postfach-Referenz ist ungültig.");
    }
  }

  public Optional<String> postbox() {
    return Optional.ofNullable(postboxHandle);
  }
}
