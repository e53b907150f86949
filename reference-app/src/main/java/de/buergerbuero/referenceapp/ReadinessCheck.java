package de.buergerbuero.referenceapp;

import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.kernel.outbox.OutboxRepository;
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
      var stats = outbox.stats();
      return HealthCheckResponse.named("buergerbuero")
          .up()
          .withData("services", catalogue.catalogue().services().size())
          .withData("outboxPending", stats.pending())
          .withData("outboxFailed", stats.failed())
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("buergerbuero")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
