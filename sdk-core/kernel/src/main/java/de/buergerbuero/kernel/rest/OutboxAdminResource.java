package de.buergerbuero.kernel.rest;

import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.outbox.OutboxEntry;
import de.buergerbuero.kernel.outbox.OutboxRepository;
import de.buergerbuero.kernel.outbox.OutboxState;
import de.buergerbuero.kernel.outbox.OutboxWorker;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.security.CallerResolver;
import de.buergerbuero.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administration: see deliveries to outside systems, especially failed ones, and retry them. */
@Path("/v1/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Administration",
    description = "Betrieb: Zustellungen, Formulareingang, Prüfprotokoll / operations",
    extensions = @Extension(name = "x-displayName", value = "Administration"))
public class OutboxAdminResource {

  @Inject OutboxRepository repository;
  @Inject OutboxWorker worker;
  @Inject CallerResolver callers;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Transactions tx;

  /** An outbox entry as administrators see it (no payload: it may name internal ids only). */
  @Schema(
      description =
          "A delivery job of the outbox (to the DMS, e-mail, form servers), without personal data.")
  public record OutboxEntryView(
      String id,
      String type,
      String idempotencyKey,
      String state,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      String result,
      Instant createdAt,
      Instant deliveredAt) {
    static OutboxEntryView of(OutboxEntry e) {
      return new OutboxEntryView(
          e.id(),
          e.type(),
          e.idempotencyKey(),
          e.state().name(),
          e.attempts(),
          e.nextAttemptAt(),
          e.lastError(),
          e.result(),
          e.createdAt(),
          e.deliveredAt());
    }
  }

  @GET
  @Operation(
      operationId = "listOutboxEntries",
      extensions = @Extension(name = "x-access", value = "admin"),
      summary = "Zustellaufträge nach Status (Standard: FAILED) und Ziel (type)")
  public List<OutboxEntryView> list(
      @QueryParam("state") @DefaultValue("FAILED") OutboxState state,
      @QueryParam("type") String type,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    Callers.requireAdmin(callers.current());
    return repository.list(state, blankToNull(type), Math.max(1, Math.min(limit, 1000))).stream()
        .map(OutboxEntryView::of)
        .toList();
  }

  /** Whether this instance's worker claims entries. */
  @Schema(description = "Whether the delivery worker is paused.")
  public record WorkerState(boolean paused) {}

  @POST
  @Path("/worker/pause")
  @Operation(
      operationId = "pauseOutboxWorker",
      extensions = @Extension(name = "x-access", value = "admin"),
      summary = "Zustellung auf dieser Instanz anhalten (z. B. für DMS-Wartung)")
  public WorkerState pause() {
    var admin = Callers.requireAdmin(callers.current());
    worker.pause();
    tx.required(() -> audit.append(admin.auditId(), "OUTBOX_PAUSE", "outbox", "worker", null));
    return new WorkerState(true);
  }

  @POST
  @Path("/worker/resume")
  @Operation(
      operationId = "resumeOutboxWorker",
      extensions = @Extension(name = "x-access", value = "admin"),
      summary = "Zustellung auf dieser Instanz fortsetzen")
  public WorkerState resume() {
    var admin = Callers.requireAdmin(callers.current());
    worker.resume();
    tx.required(() -> audit.append(admin.auditId(), "OUTBOX_RESUME", "outbox", "worker", null));
    return new WorkerState(worker.isPaused());
  }

  /** How many failed entries were put back in the queue. */
  @Schema(description = "How many failed deliveries were queued again.")
  public record RetryResult(int retried) {}

  @POST
  @Path("/retry-failed")
  @Operation(
      operationId = "retryFailedOutboxEntries",
      extensions = @Extension(name = "x-access", value = "admin"),
      summary = "Alle fehlgeschlagenen Zustellaufträge (eines Ziels) erneut versuchen")
  public RetryResult retryAllFailed(@QueryParam("type") String type) {
    var admin = Callers.requireAdmin(callers.current());
    return tx.required(
        () -> {
          int n = repository.retryAllFailed(blankToNull(type), clock.instant());
          audit.append(
              admin.auditId(),
              "OUTBOX_RETRY_ALL",
              "outbox",
              type == null ? "*" : type,
              n + " entries");
          return new RetryResult(n);
        });
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @POST
  @Path("/{id}/retry")
  @Operation(
      operationId = "retryOutboxEntry",
      extensions = @Extension(name = "x-access", value = "admin"),
      summary = "Einen fehlgeschlagenen Zustellauftrag sofort erneut versuchen")
  public OutboxEntryView retry(@PathParam("id") String id) {
    var admin = Callers.requireAdmin(callers.current());
    return tx.required(
        () -> {
          OutboxEntry e =
              repository
                  .retryNow(id, clock.instant())
                  .orElseThrow(
                      () ->
                          new NoSuchResourceException(
                              KernelError.NO_SUCH_OUTBOX_ENTRY, "Unbekannter Zustellauftrag."));
          audit.append(admin.auditId(), "OUTBOX_RETRY", "outbox", id, e.type());
          return OutboxEntryView.of(e);
        });
  }
}
