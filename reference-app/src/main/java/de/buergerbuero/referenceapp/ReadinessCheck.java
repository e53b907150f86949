package de.buergerbuero.referenceapp;

import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.kernel.outbox.OutboxRepository;
import de.buergerbuero.kernel.outbox.OutboxState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the catalogue is loaded; reports failed deliveries. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject OutboxRepository outbox;
  @Inject ServiceCatalogue catalogue;

  @Override
  public HealthCheckResponse call() {
    try {
      long failed = outbox.count(OutboxState.FAILED);
      long pending = outbox.count(OutboxState.PENDING);
      return HealthCheckResponse.named("buergerbuero")
          .up()
          .withData("services", catalogue.catalogue().services().size())
          .withData("outboxPending", pending)
          .withData("outboxFailed", failed)
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("buergerbuero")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
