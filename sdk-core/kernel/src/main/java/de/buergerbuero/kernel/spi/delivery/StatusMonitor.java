package de.buergerbuero.kernel.spi.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A channel that also shows the applicant where an application stands (the BundID status monitor,
 * fed by ZBP application status messages). The SDK publishes on every status change, through the
 * outbox; implementations are idempotent by key like {@link DeliveryPort#send}.
 */
public interface StatusMonitor {

  /** Publishes a status; errors as for {@link DeliveryPort#send}. */
  void publish(String idempotencyKey, StatusMessage message);

  /** The stages a status monitor knows (the ZBP's values). */
  enum Stage {
    SUBMITTED,
    RECEIVED,
    PROCESSING,
    ACTION_REQUIRED,
    COMPLETED
  }

  /**
   * One status message; no personal data beyond the reference.
   *
   * @param applicationId the application's id
   * @param stage where it stands
   * @param serviceName the service's name, e.g. "Bewohnerparkausweis"
   * @param reference the Aktenzeichen
   * @param at when the status changed
   * @param details a short explanation (at most 50 characters), or null
   */
  record StatusMessage(
      UUID applicationId,
      Stage stage,
      String serviceName,
      String reference,
      Instant at,
      String details) {
    public StatusMessage {
      Objects.requireNonNull(applicationId, "applicationId");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(serviceName, "serviceName");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(at, "at");
    }
  }
}
