package de.buergerbuero.applications.delivery;

import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.kernel.connect.DeliveryChannels;
import de.buergerbuero.kernel.model.ApplicationStatus;
import de.buergerbuero.kernel.outbox.Outbox;
import de.buergerbuero.kernel.outbox.OutboxHandler;
import de.buergerbuero.kernel.outbox.OutboxMessage;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.spi.delivery.StatusMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Shows the applicant where an application stands in the BundID status monitor: every status change
 * of an application whose applicant logged in with a BundID postbox is published through the outbox
 * (type {@value #TYPE}) to the channel that is a {@link StatusMonitor} (the ZBP), when the
 * deployment uses one. Only the stage, the service's name and the reference travel.
 */
@ApplicationScoped
public class StatusMessages implements OutboxHandler {
  public static final String TYPE = "applications.status-monitor";

  @PersistenceContext EntityManager em;
  @Inject DeliveryChannels channels;
  @Inject ServiceCatalogue catalogue;
  @Inject Outbox outbox;
  @Inject Transactions tx;

  @Override
  public String type() {
    return TYPE;
  }

  private Optional<StatusMonitor> monitor() {
    return channels.all().stream()
        .filter(StatusMonitor.class::isInstance)
        .map(StatusMonitor.class::cast)
        .findFirst();
  }

  /** Queues a status message in the caller's transaction, if anyone can see it. */
  public void later(
      String applicationId, String postboxHandle, ApplicationStatus status, Instant at) {
    if (postboxHandle == null || monitor().isEmpty()) {
      return;
    }
    outbox.enqueue(
        TYPE,
        "status:" + applicationId + ":" + status + ":" + at.toEpochMilli(),
        applicationId + "|" + status + "|" + at);
  }

  /** The stage the status monitor shows for a status. */
  static StatusMonitor.Stage stage(ApplicationStatus status) {
    return switch (status) {
      case SUBMITTED -> StatusMonitor.Stage.SUBMITTED;
      case RECEIVED -> StatusMonitor.Stage.RECEIVED;
      case IN_PROGRESS -> StatusMonitor.Stage.PROCESSING;
      case NEEDS_INFO -> StatusMonitor.Stage.ACTION_REQUIRED;
      case APPROVED, REJECTED, CLOSED, WITHDRAWN -> StatusMonitor.Stage.COMPLETED;
    };
  }

  static String details(ApplicationStatus status) {
    return switch (status) {
      case SUBMITTED -> "Antrag eingereicht";
      case RECEIVED -> "Antrag eingegangen";
      case IN_PROGRESS -> "Antrag in Bearbeitung";
      case NEEDS_INFO -> "Rückfrage: bitte antworten";
      case APPROVED, REJECTED -> "Bescheid erlassen";
      case CLOSED -> "Vorgang abgeschlossen";
      case WITHDRAWN -> "Antrag zurückgenommen";
    };
  }

  @Override
  public String deliver(OutboxMessage message) {
    Optional<StatusMonitor> monitor = monitor();
    if (monitor.isEmpty()) {
      return "no-monitor";
    }
    String[] parts = message.payload().split("\\|", 3);
    ApplicationStatus status = ApplicationStatus.valueOf(parts[1]);
    StatusMonitor.StatusMessage m =
        tx.required(
            () -> {
              ApplicationEntity entity = em.find(ApplicationEntity.class, parts[0]);
              if (entity == null) {
                return null;
              }
              var a = entity.toApplication();
              String service =
                  catalogue
                      .catalogue()
                      .find(a.serviceId())
                      .map(s -> s.name().de())
                      .orElse(a.serviceId());
              return new StatusMonitor.StatusMessage(
                  UUID.fromString(parts[0]),
                  stage(status),
                  service,
                  a.reference(),
                  Instant.parse(parts[2]),
                  details(status));
            });
    if (m == null) {
      return "gone";
    }
    monitor.get().publish(message.idempotencyKey(), m);
    return "published";
  }
}
