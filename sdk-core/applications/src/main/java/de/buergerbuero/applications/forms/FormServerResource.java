package de.buergerbuero.applications.forms;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.applications.intake.LimitedInputStream;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.error.NotAuthenticatedException;
import de.buergerbuero.kernel.error.PayloadTooLargeException;
import de.buergerbuero.kernel.spi.forms.AnnouncingFormServer;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormServers;
import de.buergerbuero.kernel.spi.forms.PushingFormServer;
import de.buergerbuero.kernel.spi.guard.ReplayGuard;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What form servers send to the SDK: pushed forms ({@link PushingFormServer}, e.g. MACH
 * formsolutions) and announcements of new submissions ({@link AnnouncingFormServer}, e.g.
 * FIT-Connect callbacks). Each endpoint is live only while its form server is configured and
 * answers 404 otherwise; wrong credentials or an inauthentic callback get 401 and change nothing.
 * Bodies are never logged.
 */
@Path("/v1/forms/{source}")
@RequestScoped
@Tag(
    name = "FormServers",
    description = "Eingang von Formularservern / intake from form servers (server to server)",
    extensions = @Extension(name = "x-displayName", value = "Formularserver"))
public class FormServerResource {
  private static final Logger LOG = Logger.getLogger(FormServerResource.class.getName());

  @Inject FormServers servers;
  @Inject FormIntake intake;
  @Inject ReplayGuard replays;
  @Inject Clock clock;
  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "buergerbuero.forms.max-push-bytes", defaultValue = "33554432")
  long maxPushBytes;

  @Inject
  @ConfigProperty(name = "buergerbuero.forms.max-callback-bytes", defaultValue = "65536")
  long maxCallbackBytes;

  /**
   * One completed form, stored before the answer: the 200 is the acknowledgement, and a repeated
   * push of the same submission returns the same application.
   */
  @POST
  @Path("{formId}/submissions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "pushFormSubmission",
      extensions = @Extension(name = "x-access", value = "form-server"),
      summary = "Form server push: one completed form, stored before the answer")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      description =
                          "The form server's own submission document (formsolutions: transID,"
                              + " form data, attachments as Base64)")))
  @APIResponse(
      responseCode = "200",
      description = "Stored: the transID and the application it became",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PushAnswer.class)))
  @APIResponse(
      responseCode = "413",
      description = "Larger than buergerbuero.forms.max-push-bytes (BB-2009)")
  public Map<String, String> push(
      @PathParam("source") String source,
      @PathParam("formId") String formId,
      @Context HttpHeaders headers,
      InputStream body) {
    if (!(server(source) instanceof PushingFormServer pushing)) {
      throw new NoSuchResourceException("Dieser Formularserver sendet keine Formulare.");
    }
    if (!pushing.authorises(headers.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      throw new NotAuthenticatedException(
          "Zugangsdaten des Formularservers fehlen oder sind falsch.");
    }
    // read only after the credentials are checked, and never more than the limit
    var submission =
        pushing.pushed(formId, read(body, maxPushBytes, "buergerbuero.forms.max-push-bytes"));
    String applicationId = intake.take(source, submission);
    return Map.of("transID", submission.submissionId(), "applicationId", applicationId);
  }

  /**
   * An authenticated announcement of new submissions: the intake fetches soon. Announcements that
   * come while a poll runs are folded into one poll after it.
   */
  @POST
  @Path("callbacks")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "announceFormSubmissions",
      extensions = @Extension(name = "x-access", value = "form-callback"),
      summary = "Form server callback: new submissions (authenticity checked)")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CallbackAnnouncement.class)))
  @APIResponse(responseCode = "200", description = "Authentic: the SDK fetches soon")
  public Response callback(
      @PathParam("source") String source, @Context HttpHeaders headers, InputStream body) {
    if (!(server(source) instanceof AnnouncingFormServer announcing)) {
      throw new NoSuchResourceException("Dieser Formularserver kündigt nichts an.");
    }
    // the signature covers the body: it is read first, but only up to the (small) limit
    byte[] bytes = read(body, maxCallbackBytes, "buergerbuero.forms.max-callback-bytes");
    Optional<String> refused = announcing.refuseCallback(headers::getHeaderString, bytes);
    if (refused.isPresent()) {
      LOG.warning(() -> "Callback of " + source + " refused: " + refused.get());
      throw new NotAuthenticatedException("Callback nicht authentisch: " + refused.get());
    }
    // the connector remembers only what its own instance saw since its start; the database
    // refuses a replay on every instance (ADR 0019)
    Optional<String> id = announcing.callbackId(headers::getHeaderString);
    if (id.isPresent()) {
      Instant now = clock.instant();
      String scope = "callback-" + source;
      scope = scope.substring(0, Math.min(32, scope.length())); // ReplayGuard allows 32
      boolean first;
      try {
        first = replays.firstUse(scope, id.get(), now.plus(announcing.callbackWindow()), now);
      } catch (RuntimeException e) {
        // a callback only triggers a fetch: with the database unreachable, an authentic callback
        // (the connector has checked it) still triggers one rather than fail and be retried
        LOG.warning(() -> "Replay guard unavailable for a callback of " + source + ": " + e);
        first = true;
      }
      if (!first) {
        LOG.warning(() -> "Callback of " + source + " refused: REPLAYED");
        throw new NotAuthenticatedException("Callback nicht authentisch: REPLAYED");
      }
    }
    intake.pollSoon(executor);
    return Response.ok().build();
  }

  /** The answer to a push, for the OpenAPI document. */
  @Schema(name = "PushAnswer", description = "A pushed submission, stored.")
  public record PushAnswer(
      @Schema(description = "the form server's id of the submission") String transID,
      @Schema(description = "the application it became") String applicationId) {}

  /**
   * A FIT-Connect callback, for the OpenAPI document; only a trigger, its content is not trusted.
   */
  @Schema(
      name = "CallbackAnnouncement",
      description = "FIT-Connect callback: new submissions are waiting (a trigger to fetch).",
      example =
          "{\"type\": \"https://schema.fitko.de/fit-connect/callbacks/new-submissions\","
              + " \"submissionIds\": [\"f39ab143-d91a-474a-b69f-b00f1a1873c2\"]}")
  public record CallbackAnnouncement(String type, List<String> submissionIds) {}

  /** The body, refused with 413 as soon as it passes {@code limit}. */
  public static byte[] read(InputStream body, long limit, String key) {
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = new LimitedInputStream(body, limit)) {
      return in.readAllBytes();
    } catch (LimitedInputStream.LimitExceededException e) {
      throw new PayloadTooLargeException(
          ApplicationsError.REQUEST_TOO_LARGE,
          "Die Anfrage ist größer als " + limit + " Byte (" + key + ").");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FormServerPort server(String source) {
    FormServerPort server = servers.bySource().get(source);
    if (server == null) {
      throw new NoSuchResourceException("Formularserver ist nicht eingerichtet: " + source);
    }
    return server;
  }
}
