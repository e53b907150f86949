package de.buergerbuero.applications.rest;

import de.buergerbuero.applications.casework.CaseworkService;
import de.buergerbuero.applications.decision.DecisionService;
import de.buergerbuero.applications.intake.ApplicationViews.AuditTrailEntry;
import de.buergerbuero.applications.intake.ApplicationViews.DecisionView;
import de.buergerbuero.applications.intake.ApplicationViews.InboxItem;
import de.buergerbuero.applications.intake.ApplicationViews.StaffApplicationView;
import de.buergerbuero.applications.internal.AttachmentContents;
import de.buergerbuero.applications.internal.AttachmentEntity;
import de.buergerbuero.applications.internal.DecisionEntity;
import de.buergerbuero.applications.staff.StaffService;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.model.ApplicationStatus;
import de.buergerbuero.kernel.security.CallerResolver;
import de.buergerbuero.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clerk's inbox and case handling. Every read and change is audited. */
@Path("/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Casework",
    description = "Posteingang und Bearbeitung / clerk inbox and case work",
    extensions = @Extension(name = "x-displayName", value = "Sachbearbeitung"))
public class StaffResource {
  @Inject StaffService staff;
  @Inject CaseworkService casework;
  @Inject DecisionService decisions;
  @Inject CallerResolver callers;
  @Inject AttachmentContents contents;

  /** A requested status change. */
  @Schema(
      description =
          "A status change a clerk asks for, with an optional note to the applicant. For a query"
              + " (NEEDS_INFO) the note is the question (required) and answerBy the date by which"
              + " the applicant should answer (default: buergerbuero.query.answer-days from today).",
      example = "{\"to\": \"IN_PROGRESS\", \"note\": \"Wir prüfen Ihren Antrag.\"}")
  public record TransitionRequest(
      String to,
      String note,
      @Schema(format = "date", description = "answer by this day (only with NEEDS_INFO)")
          String answerBy) {}

  @GET
  @Path("/inbox")
  @Operation(
      operationId = "listInbox",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Posteingang des eigenen Fachbereichs")
  public List<InboxItem> inbox(
      @QueryParam("status") ApplicationStatus status,
      @QueryParam("serviceId") String serviceId,
      @QueryParam("olderThanDays") Integer olderThanDays,
      @QueryParam("limit") @DefaultValue("200") int limit) {
    var clerk = Callers.requireStaff(callers.current());
    return staff.inbox(
        clerk,
        new StaffService.InboxFilter(
            status,
            serviceId == null || serviceId.isBlank() ? null : serviceId,
            olderThanDays == null ? null : Math.max(0, olderThanDays),
            Math.max(1, Math.min(limit, 1000))));
  }

  @GET
  @Path("/cases")
  @Operation(
      operationId = "searchCases",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Posteingang seitenweise durchsuchen / search the inbox page by page",
      description =
          "The cases of the clerk's departments, oldest first (sort=newest: newest first), one"
              + " page at a time: pass the answer's next as cursor for the following page (absent"
              + " on the last). q finds an Aktenzeichen by its beginning or an applicant by part"
              + " of the name. countsByStatus counts what the other filters find, per status.")
  @APIResponse(
      responseCode = "200",
      description = "One page of cases",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StaffService.CasePage.class)))
  @APIResponse(responseCode = "400", description = "Invalid cursor, sort or search term (BB-1001)")
  public StaffService.CasePage cases(
      @Parameter(description = "only this status") @QueryParam("status") ApplicationStatus status,
      @Parameter(description = "only this service") @QueryParam("serviceId") String serviceId,
      @Parameter(description = "submitted at least this many days ago") @QueryParam("olderThanDays")
          Integer olderThanDays,
      @Parameter(description = "Aktenzeichen (beginning) or part of the applicant's name")
          @QueryParam("q")
          String q,
      @Parameter(
              description = "oldest (default) or newest first",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"oldest", "newest"},
                      defaultValue = "oldest"))
          @QueryParam("sort")
          String sort,
      @Parameter(description = "next of the page before") @QueryParam("cursor") String cursor,
      @Parameter(description = "me, none (unassigned) or a colleague's account")
          @QueryParam("assignee")
          String assignee,
      @Parameter(description = "only this team queue") @QueryParam("team") String team,
      @Parameter(
              description =
                  "due: follow-up date reached or deadline passed; overdue: deadline passed (open"
                      + " cases only)")
          @QueryParam("due")
          String due,
      @Parameter(description = "cases per page, at most 200")
          @QueryParam("limit")
          @DefaultValue("50")
          int limit) {
    var clerk = Callers.requireStaff(callers.current());
    boolean newest;
    if (sort == null || sort.isBlank() || sort.equals("oldest")) {
      newest = false;
    } else if (sort.equals("newest")) {
      newest = true;
    } else {
      throw InvalidInputException.field("sort", "Erlaubt sind oldest und newest.");
    }
    return staff.cases(
        clerk,
        new StaffService.CaseQuery(
            status,
            serviceId == null || serviceId.isBlank() ? null : serviceId,
            olderThanDays == null ? null : Math.max(0, olderThanDays),
            q,
            newest,
            cursor == null || cursor.isBlank() ? null : cursor,
            limit,
            assignee,
            team,
            due));
  }

  @GET
  @Path("/applications/{id}")
  @Operation(
      operationId = "getCase",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Antrag öffnen (wird protokolliert)")
  public StaffApplicationView get(@PathParam("id") String id) {
    return staff.read(Callers.requireStaff(callers.current()), id);
  }

  @POST
  @Path("/applications/{id}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "transitionCase",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Status ändern, mit Notiz an die Antragstellenden")
  public StaffApplicationView transition(@PathParam("id") String id, TransitionRequest request) {
    var clerk = Callers.requireStaff(callers.current());
    ApplicationStatus to = null;
    if (request != null && request.to() != null) {
      try {
        to = ApplicationStatus.valueOf(request.to());
      } catch (IllegalArgumentException e) {
        throw de.buergerbuero.kernel.error.InvalidInputException.field(
            "to", "Unbekannter Status: " + request.to().replaceAll("[^A-Za-z_]", "?"));
      }
    }
    java.time.LocalDate answerBy = null;
    if (request != null && request.answerBy() != null && !request.answerBy().isBlank()) {
      try {
        answerBy = java.time.LocalDate.parse(request.answerBy());
      } catch (java.time.format.DateTimeParseException e) {
        throw de.buergerbuero.kernel.error.InvalidInputException.field(
            "answerBy", "Ein Datum im Format JJJJ-MM-TT.");
      }
    }
    return staff.transition(clerk, id, to, request == null ? null : request.note(), answerBy);
  }

  /** A clerk's decision on an application. */
  @Schema(
      description =
          "A clerk's decision: APPROVED or REJECTED, with the clerk's own paragraph where the service's Bescheid template allows one.",
      example =
          "{\"outcome\": \"APPROVED\", \"freeText\": \"Bitte legen Sie den Ausweis gut sichtbar aus.\"}")
  public record DecisionRequest(
      @Schema(
              enumeration = {"APPROVED", "REJECTED"},
              required = true)
          String outcome,
      @Schema(description = "the clerk's own paragraph (at most the template's freeTextMaxLength)")
          String freeText) {}

  @POST
  @Path("/applications/{id}/decision/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces("application/pdf")
  @Operation(
      operationId = "previewDecision",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Bescheid als Vorschau (PDF/A), nichts wird gespeichert")
  @APIResponse(
      responseCode = "200",
      description = "Der Bescheid, wie er jetzt erlassen würde",
      content =
          @Content(
              mediaType = "application/pdf",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response previewDecision(@PathParam("id") String id, DecisionRequest request) {
    var clerk = Callers.requireStaff(callers.current());
    byte[] pdf = decisions.preview(clerk, id, decision(request));
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"Bescheid-Vorschau.pdf\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("/applications/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "issueDecision",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary =
          "Bescheid erlassen: Entscheidung, PDF/A, Ablage im DMS, Nachricht an Antragstellende")
  @APIResponse(
      responseCode = "201",
      description = "Erlassen; der Antrag hat nun den Status der Entscheidung",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Schon erlassen (BB-2017) oder Status passt nicht")
  public Response issueDecision(@PathParam("id") String id, DecisionRequest request) {
    var clerk = Callers.requireStaff(callers.current());
    DecisionView issued = decisions.issue(clerk, id, decision(request));
    return Response.status(Response.Status.CREATED).entity(issued).build();
  }

  @GET
  @Path("/applications/{id}/decision")
  @Produces("application/pdf")
  @Operation(
      operationId = "getCaseDecision",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Erlassenen Bescheid herunterladen (wird protokolliert)")
  @APIResponse(
      responseCode = "200",
      description = "Der Bescheid (PDF/A)",
      content =
          @Content(
              mediaType = "application/pdf",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response caseDecision(@PathParam("id") String id) {
    DecisionEntity d = decisions.forStaff(Callers.requireStaff(callers.current()), id);
    return pdf(d);
  }

  /** The Bescheid as a download. */
  public static Response pdf(DecisionEntity d) {
    return Response.ok(d.content(), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  private static DecisionService.Decision decision(DecisionRequest request) {
    ApplicationStatus outcome = null;
    if (request != null && request.outcome() != null) {
      outcome =
          switch (request.outcome()) {
            case "APPROVED" -> ApplicationStatus.APPROVED;
            case "REJECTED" -> ApplicationStatus.REJECTED;
            default ->
                throw de.buergerbuero.kernel.error.InvalidInputException.field(
                    "outcome", "Entscheidung: APPROVED oder REJECTED.");
          };
    }
    return new DecisionService.Decision(outcome, request == null ? null : request.freeText());
  }

  @GET
  @Path("/applications/{id}/audit")
  @Operation(
      operationId = "getCaseAudit",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Prüfprotokoll eines Antrags")
  public List<AuditTrailEntry> audit(@PathParam("id") String id) {
    return staff.auditTrail(Callers.requireStaff(callers.current()), id);
  }

  @GET
  @Path("/applications/{id}/attachments/{attachmentId}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "downloadCaseAttachment",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Anlage herunterladen (wird protokolliert)")
  @APIResponse(
      responseCode = "200",
      description = "Die Datei mit ihrem Content-Type",
      content =
          @Content(
              mediaType = MediaType.WILDCARD,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response attachment(
      @PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
    AttachmentEntity a =
        staff.attachment(Callers.requireStaff(callers.current()), id, attachmentId);
    // the audited read is committed; the bytes stream from the database straight to the client
    String attachment = a.id();
    StreamingOutput content =
        out -> {
          try (var in = contents.open(attachment)) {
            in.transferTo(out);
          }
        };
    return Response.ok(content, a.mediaType())
        .header("Content-Length", a.size())
        .header(
            "Content-Disposition",
            "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(a.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The text of a new note. */
  @Schema(name = "NewCaseNote", description = "A note only staff see.")
  public record NewNote(String text) {}

  @PUT
  @Path("/applications/{id}/assignment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "assignCase",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Zuweisen: mir, einer Kollegin, einem Team-Eingang / assign or take over")
  @APIResponse(responseCode = "204", description = "Assigned; audited")
  @APIResponse(responseCode = "400", description = "Unknown team or account (BB-1001)")
  public void assign(@PathParam("id") String id, CaseworkService.Assignment assignment) {
    casework.assign(Callers.requireStaff(callers.current()), id, assignment);
  }

  @POST
  @Path("/applications/{id}/forward")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "forwardCase",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "An einen anderen Fachbereich abgeben / forward to another department")
  @APIResponse(responseCode = "204", description = "Forwarded; audited on both sides")
  @APIResponse(responseCode = "400", description = "Unknown department or no reason (BB-1001)")
  public void forward(@PathParam("id") String id, CaseworkService.Forwarding forwarding) {
    casework.forward(Callers.requireStaff(callers.current()), id, forwarding);
  }

  @PUT
  @Path("/applications/{id}/follow-up")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setFollowUp",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Wiedervorlage setzen oder löschen / set or clear the follow-up date")
  @APIResponse(responseCode = "204", description = "Set; audited")
  @APIResponse(responseCode = "400", description = "Not a date (BB-1001)")
  public void followUp(@PathParam("id") String id, CaseworkService.FollowUp followUp) {
    casework.followUp(Callers.requireStaff(callers.current()), id, followUp);
  }

  @GET
  @Path("/applications/{id}/notes")
  @Operation(
      operationId = "listCaseNotes",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Interne Vermerke (nur für Beschäftigte) / internal notes")
  public List<CaseworkService.CaseNote> notes(@PathParam("id") String id) {
    return casework.notes(Callers.requireStaff(callers.current()), id);
  }

  @POST
  @Path("/applications/{id}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addCaseNote",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Internen Vermerk anlegen / add an internal note")
  @APIResponse(responseCode = "200", description = "Added; audited without its text")
  public CaseworkService.CaseNote addNote(@PathParam("id") String id, NewNote note) {
    return casework.addNote(
        Callers.requireStaff(callers.current()), id, note == null ? null : note.text());
  }
}
