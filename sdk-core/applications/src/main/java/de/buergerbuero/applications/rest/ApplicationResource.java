package de.buergerbuero.applications.rest;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.applications.decision.DecisionService;
import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.applications.intake.ApplicationViews.ApplicationView;
import de.buergerbuero.applications.intake.ContentDisposition;
import de.buergerbuero.applications.intake.LimitedInputStream;
import de.buergerbuero.applications.intake.MultipartReader;
import de.buergerbuero.applications.intake.SafeJson;
import de.buergerbuero.applications.intake.UploadSpool;
import de.buergerbuero.applications.query.AnswerService;
import de.buergerbuero.applications.receipt.ReceiptService;
import de.buergerbuero.kernel.error.FieldError;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.error.MalformedRequestException;
import de.buergerbuero.kernel.files.SafeFileNames;
import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.security.CallerResolver;
import de.buergerbuero.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Applications (Anträge) of the logged-in citizen or company. */
@Path("/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Applications",
    description = "Anträge stellen und verfolgen / submit and track applications",
    extensions = @Extension(name = "x-displayName", value = "Anträge"))
public class ApplicationResource {
  @Inject ApplicationService applications;
  @Inject ReceiptService receipts;
  @Inject DecisionService decisions;
  @Inject AnswerService answers;
  @Inject CallerResolver callers;
  @Context UriInfo uriInfo;

  @Inject
  @ConfigProperty(name = "buergerbuero.upload.max-file-bytes", defaultValue = "20971520")
  long maxFileBytes;

  @Inject
  @ConfigProperty(name = "buergerbuero.upload.max-total-bytes", defaultValue = "52428800")
  long maxTotalBytes;

  @Inject
  @ConfigProperty(name = "buergerbuero.upload.max-files", defaultValue = "20")
  int maxFiles;

  @Inject
  @ConfigProperty(name = "buergerbuero.request.max-json-bytes", defaultValue = "1048576")
  long maxJsonBytes;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "submitApplication",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Antrag stellen / submit an application",
      description =
          "As JSON (serviceId, formData) or as multipart/form-data with attachments (parts"
              + " serviceId, formData as JSON text, attachments as files). The 201 answer is the"
              + " acknowledgement: the application is stored; Location points to it.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationSubmission.class)))
  @APIResponse(
      responseCode = "201",
      description = "Antrag angenommen; Location zeigt auf ihn",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Ungültiges JSON (BB-1002) oder fehlende Felder (BB-1001)")
  @APIResponse(responseCode = "403", description = "Vertrauensniveau zu niedrig (BB-1010)")
  @APIResponse(responseCode = "404", description = "Unbekannter Dienst (BB-2001)")
  @APIResponse(responseCode = "422", description = "Formulardaten verletzen das Schema (BB-2002)")
  public Response submitJson(InputStream body) {
    Caller.ApplicantCaller caller = Callers.requireApplicant(callers.current());
    JsonNode request = SafeJson.read(body, maxJsonBytes);
    if (!request.isObject()) {
      throw new MalformedRequestException("Erwartet wird ein JSON-Objekt.");
    }
    ApplicationView created =
        applications.submit(
            caller, serviceId(request.get("serviceId")), request.get("formData"), List.of());
    return created(created);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "submitApplication",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Antrag stellen / submit an application")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = MultipartApplication.class),
              encoding = @Encoding(name = "formData", contentType = MediaType.APPLICATION_JSON)))
  @APIResponse(
      responseCode = "201",
      description = "Antrag angenommen; Location zeigt auf ihn",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(
      responseCode = "413",
      description = "Anlage zu groß (BB-2004) oder alle Anlagen zusammen zu groß (BB-2014)")
  @APIResponse(
      responseCode = "415",
      description =
          "Inhalt passt nicht zum angegebenen Typ (BB-2012) oder Typ für den Dienst nicht zulässig"
              + " (BB-2013)")
  public Response submitMultipart(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    // who asks is known before a byte of the body is read; the body is then read part by part
    Caller.ApplicantCaller caller = Callers.requireApplicant(callers.current());
    String[] serviceId = {null};
    JsonNode[] formData = {null};
    try (UploadSpool spool = new UploadSpool(maxFileBytes, maxTotalBytes, null)) {
      Map<String, Consumer<MultipartReader.Part>> fields = new LinkedHashMap<>();
      fields.put("serviceId", part -> serviceId[0] = text(part, 200, "serviceId"));
      fields.put("formData", part -> formData[0] = SafeJson.read(part.content(), maxJsonBytes));
      readMultipart(contentType, body, spool, fields);
      if (serviceId[0] == null) {
        throw InvalidInputException.field("serviceId", "Der Dienst (serviceId) fehlt.");
      }
      return created(applications.submit(caller, serviceId[0], formData[0], spool.uploads()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a multipart body part by part: the named fields with their readers, files ("attachments")
   * into the spool (type detected from the bytes, limits enforced while reading). Any other part is
   * refused: an attachment under a wrong name would otherwise be lost.
   */
  private void readMultipart(
      String contentType,
      InputStream body,
      UploadSpool spool,
      Map<String, Consumer<MultipartReader.Part>> fields)
      throws IOException {
    MultipartReader reader = new MultipartReader(body, MultipartReader.boundary(contentType));
    Set<String> names = new HashSet<>();
    for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
      ContentDisposition disposition = ContentDisposition.parse(part.header("Content-Disposition"));
      String partName = disposition.name() == null ? "" : disposition.name();
      Consumer<MultipartReader.Part> field = fields.get(partName);
      if (field != null) {
        field.accept(part);
      } else if (partName.equals("attachments") || partName.equals("attachment")) {
        if (spool.uploads().size() == maxFiles) {
          throw new InvalidInputException(
              ApplicationsError.TOO_MANY_ATTACHMENTS,
              "Höchstens " + maxFiles + " Anlagen sind erlaubt.",
              List.of(new FieldError("attachments", "Zu viele Anlagen.")));
        }
        String name = uniqueName(disposition.fileName(), names);
        spool.add(name, part.header("Content-Type"), part.content(), true);
      } else {
        throw InvalidInputException.field(
            "multipart",
            "Unbekannter Formularteil „"
                + partName.replaceAll("[^\\p{L}\\p{N}_-]", "?")
                + "“; erlaubt sind "
                + String.join(", ", fields.keySet())
                + ", attachments.");
      }
    }
  }

  /** The parts of a multipart application, for the OpenAPI document. */
  @Schema(
      name = "MultipartApplication",
      description =
          "The parts of an application with attachments (multipart/form-data): serviceId,"
              + " formData (JSON) and any number of attachments (files).")
  public static final class MultipartApplication {
    @Schema(required = true, description = "Dienst-ID aus dem Katalog")
    public String serviceId;

    @Schema(
        description = "Formulardaten als JSON-Objekt (Text)",
        example = "{\"kennzeichen\": \"MS-AB 123\"}")
    public String formData;

    @Schema(description = "Anlagen (Dateien), je Teil mit Dateiname und Content-Type")
    public List<InputStream> attachments;
  }

  /** An application as JSON, for the OpenAPI document. */
  @Schema(
      name = "ApplicationSubmission",
      description = "An application without attachments: the service and its form data.",
      example =
          "{\"serviceId\": \"laermbeschwerde\", \"formData\": {\"sachverhalt\": \"Baulärm"
              + " nachts\"}}")
  public record ApplicationSubmission(
      @Schema(required = true, description = "Dienst-ID aus dem Katalog") String serviceId,
      @Schema(
              type = SchemaType.OBJECT,
              description = "Formulardaten nach dem JSON-Schema des Dienstes (GET /services/{id})")
          Object formData) {}

  @GET
  @Operation(
      operationId = "listMyApplications",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Meine Anträge")
  public List<ApplicationView> list() {
    return applications.listOwn(Callers.requireApplicant(callers.current()));
  }

  @GET
  @Path("/mine")
  @Operation(
      operationId = "pageMyApplications",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Meine Anträge seitenweise / my applications page by page",
      description =
          "Newest first; pass the answer's next as cursor for the following page (absent on the"
              + " last). Unlike the plain list, it has no upper limit.")
  @APIResponse(
      responseCode = "200",
      description = "One page of my applications",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationService.OwnPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid cursor (BB-1001)")
  public ApplicationService.OwnPage pageMine(
      @Parameter(description = "next of the page before") @QueryParam("cursor") String cursor,
      @Parameter(description = "applications per page, at most 100")
          @QueryParam("limit")
          @DefaultValue("20")
          int limit) {
    return applications.pageOwn(
        Callers.requireApplicant(callers.current()),
        cursor == null || cursor.isBlank() ? null : cursor,
        limit);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getApplication",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Einer meiner Anträge mit Statusverlauf")
  @APIResponse(responseCode = "200", description = "Der Antrag mit Statusverlauf und Anlagen")
  @APIResponse(
      responseCode = "404",
      description = "Gibt es nicht oder gehört jemand anderem (BB-2005)")
  public ApplicationView get(@PathParam("id") String id) {
    return applications.getOwn(Callers.requireApplicant(callers.current()), id);
  }

  @GET
  @Path("/{id}/receipt")
  @Produces("application/pdf")
  @Operation(
      operationId = "getReceipt",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Eingangsbestätigung als PDF")
  @APIResponse(
      responseCode = "200",
      description = "Die Eingangsbestätigung (PDF/A)",
      content =
          @Content(
              mediaType = "application/pdf",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response receipt(@PathParam("id") String id) {
    var data = applications.receiptData(Callers.requireApplicant(callers.current()), id);
    return Response.ok(receipts.render(data), "application/pdf")
        .header(
            "Content-Disposition",
            "attachment; filename=\"Eingangsbestaetigung-" + data.reference() + ".pdf\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("/{id}/decision")
  @Produces("application/pdf")
  @Operation(
      operationId = "getDecision",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Bescheid als PDF/A herunterladen")
  @APIResponse(
      responseCode = "200",
      description = "Der Bescheid (PDF/A-1b)",
      content =
          @Content(
              mediaType = "application/pdf",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "404", description = "Noch kein Bescheid (BB-2015)")
  public Response decision(@PathParam("id") String id) {
    return StaffResource.pdf(
        decisions.forApplicant(Callers.requireApplicant(callers.current()), id));
  }

  /** The parts of an answer with documents, for the OpenAPI document. */
  @Schema(
      name = "MultipartAnswer",
      description =
          "An answer to a query with documents (multipart/form-data): text and any number of"
              + " attachments (files).")
  public static final class MultipartAnswer {
    @Schema(
        description = "die Antwort (höchstens 4000 Zeichen)",
        maxLength = AnswerService.MAX_TEXT)
    public String text;

    @Schema(description = "Unterlagen (Dateien), je Teil mit Dateiname und Content-Type")
    public List<InputStream> attachments;
  }

  /** An answer to a query without documents, for the OpenAPI document. */
  @Schema(
      description = "An answer to a query (Rückfrage) without documents.",
      example = "{\"text\": \"Der Fahrzeugschein liegt jetzt bei.\"}")
  public record AnswerRequest(@Schema(maxLength = AnswerService.MAX_TEXT) String text) {}

  @POST
  @Path("/{id}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "answerQuery",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Rückfrage beantworten / answer a query",
      description =
          "Only while the application is NEEDS_INFO; it then goes back to the clerk (IN_PROGRESS)."
              + " As JSON (text) or as multipart/form-data with documents (parts text, attachments).")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AnswerRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "Beantwortet; der Antrag ist wieder in Bearbeitung",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "409", description = "Keine Rückfrage offen (BB-2018)")
  public ApplicationView answerJson(@PathParam("id") String id, InputStream body) {
    Caller.ApplicantCaller caller = Callers.requireApplicant(callers.current());
    JsonNode request = SafeJson.read(body, maxJsonBytes);
    JsonNode text = request.get("text");
    if (!request.isObject() || (text != null && !text.isTextual())) {
      throw new MalformedRequestException("Erwartet wird {\"text\": \"…\"}.");
    }
    return answers.answer(caller, id, text == null ? null : text.asText(), List.of());
  }

  @POST
  @Path("/{id}/answer")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "answerQuery",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Rückfrage beantworten / answer a query")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = MultipartAnswer.class)))
  @APIResponse(
      responseCode = "413",
      description = "Anlage zu groß (BB-2004) oder alle Anlagen zusammen zu groß (BB-2014)")
  @APIResponse(
      responseCode = "415",
      description = "Inhalt passt nicht zum Typ (BB-2012) oder Typ nicht zulässig (BB-2013)")
  public ApplicationView answerMultipart(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    Caller.ApplicantCaller caller = Callers.requireApplicant(callers.current());
    String[] text = {null};
    try (UploadSpool spool = new UploadSpool(maxFileBytes, maxTotalBytes, null)) {
      readMultipart(
          contentType,
          body,
          spool,
          Map.of("text", part -> text[0] = text(part, AnswerService.MAX_TEXT * 4, "text")));
      return answers.answer(caller, id, text[0], spool.uploads());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @POST
  @Path("/{id}/withdraw")
  @Operation(
      operationId = "withdrawApplication",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary = "Antrag zurücknehmen (nur vor einer Entscheidung)")
  @APIResponse(responseCode = "200", description = "Zurückgenommen (Status WITHDRAWN)")
  @APIResponse(responseCode = "409", description = "Nicht mehr möglich (BB-2006)")
  public ApplicationView withdraw(@PathParam("id") String id) {
    return applications.withdraw(Callers.requireApplicant(callers.current()), id);
  }

  /** The applicant's choice whether the Bescheid goes to the BundID postbox. */
  @Schema(
      description =
          "Whether the Bescheid goes to the applicant's BundID postbox (true) or by post (false).",
      example = "{\"consent\": true}")
  public record PostboxConsent(boolean consent) {}

  @PUT
  @Path("/{id}/postbox-consent")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setPostboxConsent",
      extensions = @Extension(name = "x-access", value = "citizen"),
      summary =
          "Bescheid ins BundID-Postfach (Einwilligung geben oder widerrufen) / decision to the BundID postbox")
  @APIResponse(responseCode = "200", description = "Recorded; audited")
  @APIResponse(responseCode = "409", description = "Logged in without a BundID postbox (BB-2020)")
  public ApplicationView postboxConsent(@PathParam("id") String id, PostboxConsent choice) {
    if (choice == null) {
      throw InvalidInputException.field("consent", "Angabe fehlt.");
    }
    return applications.postboxConsent(
        Callers.requireApplicant(callers.current()), id, choice.consent());
  }

  private Response created(ApplicationView view) {
    return Response.created(uriInfo.getAbsolutePathBuilder().path(view.id()).build())
        .entity(view)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static String serviceId(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw InvalidInputException.field("serviceId", "Der Dienst (serviceId) fehlt.");
    }
    return node.asText();
  }

  private static String uniqueName(String fileName, Set<String> names) {
    String name =
        SafeFileNames.requireSafe(
            fileName, ApplicationsError.ATTACHMENT_NAME_UNSAFE, "attachments");
    String unique = name;
    for (int i = 2; !names.add(unique); i++) {
      int dot = name.lastIndexOf('.');
      unique =
          dot > 0
              ? name.substring(0, dot) + " (" + i + ")" + name.substring(dot)
              : name + " (" + i + ")";
    }
    return unique;
  }

  private static String text(MultipartReader.Part part, int max, String field) {
    try (InputStream in = new LimitedInputStream(part.content(), max)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (LimitedInputStream.LimitExceededException e) {
      throw InvalidInputException.field(field, "Der Wert ist zu lang.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
