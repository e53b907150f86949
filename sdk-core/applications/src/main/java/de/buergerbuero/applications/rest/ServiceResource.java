package de.buergerbuero.applications.rest;

import de.buergerbuero.applications.catalogue.ServiceCatalogue;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public service catalogue. */
@Path("/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Dienste", description = "Dienstkatalog / service catalogue")
public class ServiceResource {
  @Inject ServiceCatalogue catalogue;

  /** A service in the catalogue list. */
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
  @Operation(summary = "Dienste suchen und auflisten")
  public List<ServiceSummary> list(
      @Parameter(description = "Suchbegriff (Name, Beschreibung, Stichworte)") @QueryParam("q")
          String q,
      @Parameter(description = "Kurzkennung des Fachbereichs, z. B. ordnungsamt")
          @QueryParam("department")
          String department) {
    return catalogue.search(q, department).stream().map(this::summary).toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Ein Dienst mit Formularschema")
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
