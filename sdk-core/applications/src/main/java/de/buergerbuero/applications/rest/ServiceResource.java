package de.buergerbuero.applications.rest;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.kernel.model.LocalizedText;
import de.buergerbuero.kernel.model.ServiceOffering;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public service catalogue. */
@Path("/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Services",
    description = "Dienstkatalog mit Formularen / service catalogue with forms",
    extensions = @Extension(name = "x-displayName", value = "Dienste"))
public class ServiceResource {
  @Inject ServiceCatalogue catalogue;

  /** A service in the catalogue list. */
  @org.eclipse.microprofile.openapi.annotations.media.Schema(
      description = "A service (Leistung) in the catalogue list.")
  public record ServiceSummary(
      String id,
      String leikaKey,
      String name,
      String nameEn,
      String description,
      String department,
      String departmentName,
      String trustLevel,
      List<String> applicantKinds,
      BigDecimal fee,
      String feeNote) {}

  /** A service with its form schema and required documents. */
  @org.eclipse.microprofile.openapi.annotations.media.Schema(
      description =
          "A service (Leistung) of the catalogue with everything an applicant needs to know: documents, fee, trust level, form schema, LeiKa key.")
  public record ServiceDetail(
      String id,
      String leikaKey,
      String leikaUrn,
      String name,
      String nameEn,
      String description,
      String descriptionEn,
      String department,
      String departmentName,
      String trustLevel,
      List<String> applicantKinds,
      BigDecimal fee,
      String feeNote,
      List<String> requiredDocuments,
      JsonValue formSchema) {}

  @GET
  @Operation(
      operationId = "listServices",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Dienste suchen und auflisten")
  public List<ServiceSummary> list(
      @Parameter(description = "Suchbegriff (Name, Beschreibung, Stichworte)") @QueryParam("q")
          String q,
      @Parameter(description = "Kurzkennung des Fachbereichs, z. B. ordnungsamt")
          @QueryParam("department")
          String department) {
    return catalogue.search(q, department).stream().map(this::summary).toList();
  }

  /** One input of a built-in form: where it goes in the form data and how to label it. */
  @org.eclipse.microprofile.openapi.annotations.media.Schema(
      description =
          "One input of a built-in form: JSON pointer into the form data, German/English label, type and constraints from the JSON Schema.")
  public record FormField(
      String pointer,
      LocalizedText label,
      String type,
      boolean required,
      String format,
      String pattern,
      Integer minLength,
      Integer maxLength,
      java.math.BigDecimal minimum,
      java.math.BigDecimal maximum,
      List<String> options) {}

  /** A service's built-in form: the JSON Schema and its inputs in order, labelled de/en. */
  @org.eclipse.microprofile.openapi.annotations.media.Schema(
      description = "A service's built-in form: the JSON Schema and its inputs in order.")
  public record FormView(
      String serviceId, LocalizedText title, List<FormField> fields, JsonValue schema) {}

  @GET
  @Path("/{id}/form")
  @Operation(
      operationId = "getServiceForm",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Das Formular eines Dienstes / a service's built-in form",
      description =
          "The service's JSON Schema (draft 2020-12) and its inputs as a list with German and English"
              + " labels (title / x-title-en), types and constraints, so a front end can render it;"
              + " submitted data is validated against the same schema, errors name the field.")
  @APIResponse(responseCode = "200", description = "Das Formular")
  @APIResponse(responseCode = "404", description = "Unbekannter Dienst (BB-2001)")
  public FormView form(@PathParam("id") String id) {
    ServiceOffering s = catalogue.require(id);
    JsonNode schema = catalogue.catalogue().schemas().get(s.id());
    List<FormField> fields = new java.util.ArrayList<>();
    inputs(schema, "", true, fields);
    return new FormView(
        s.id(),
        s.name(),
        fields,
        Json.createReader(new StringReader(schema.toString())).readValue());
  }

  private static void inputs(JsonNode node, String pointer, boolean required, List<FormField> out) {
    String type = node.path("type").asText("");
    if (type.equals("object")) {
      java.util.Set<String> requiredNames = new java.util.HashSet<>();
      node.path("required").forEach(r -> requiredNames.add(r.asText()));
      node.path("properties")
          .fields()
          .forEachRemaining(
              e ->
                  inputs(
                      e.getValue(),
                      pointer + "/" + e.getKey(),
                      required && requiredNames.contains(e.getKey()),
                      out));
      return;
    }
    String de = node.path("title").asText(pointer);
    List<String> options = new java.util.ArrayList<>();
    JsonNode choices = type.equals("array") ? node.path("items").path("enum") : node.path("enum");
    choices.forEach(o -> options.add(o.asText()));
    out.add(
        new FormField(
            pointer,
            LocalizedText.of(de, node.path("x-title-en").asText(de)),
            type.isEmpty() ? "string" : type,
            required,
            node.hasNonNull("format") ? node.get("format").asText() : null,
            node.hasNonNull("pattern") ? node.get("pattern").asText() : null,
            node.hasNonNull("minLength") ? node.get("minLength").asInt() : null,
            node.hasNonNull("maxLength") ? node.get("maxLength").asInt() : null,
            node.hasNonNull("minimum") ? node.get("minimum").decimalValue() : null,
            node.hasNonNull("maximum") ? node.get("maximum").decimalValue() : null,
            options));
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getService",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Ein Dienst mit Formularschema")
  @APIResponse(responseCode = "200", description = "Der Dienst")
  @APIResponse(responseCode = "404", description = "Unbekannter Dienst (BB-2001)")
  public ServiceDetail get(@PathParam("id") String id) {
    ServiceOffering s = catalogue.require(id);
    return new ServiceDetail(
        s.id(),
        s.leikaKey().value(),
        s.leikaKey().urn(),
        s.name().de(),
        s.name().en(),
        s.description().de(),
        s.description().en(),
        s.department(),
        departmentName(s),
        s.requiredTrustLevel().eidasLevel(),
        kinds(s),
        s.fee().amountEuro(),
        s.fee().note(),
        s.requiredDocuments().stream().map(t -> t.de()).toList(),
        Json.createReader(new StringReader(catalogue.catalogue().schemas().get(s.id()).toString()))
            .readValue());
  }

  private ServiceSummary summary(ServiceOffering s) {
    return new ServiceSummary(
        s.id(),
        s.leikaKey().value(),
        s.name().de(),
        s.name().en(),
        s.description().de(),
        s.department(),
        departmentName(s),
        s.requiredTrustLevel().eidasLevel(),
        kinds(s),
        s.fee().amountEuro(),
        s.fee().note());
  }

  private String departmentName(ServiceOffering s) {
    var d = catalogue.catalogue().departments().get(s.department());
    return d == null ? s.department() : d.name().de();
  }

  private static List<String> kinds(ServiceOffering s) {
    return s.applicantKinds().stream().map(Enum::name).sorted().toList();
  }
}
