package de.buergerbuero.web;

import de.buergerbuero.kernel.outbox.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} of every Bürgerbüro deployment: ready when the database answers; reports
 * pending and failed deliveries (no personal data).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject OutboxRepository outbox;

  @Override
  public HealthCheckResponse call() {
    try {
      var stats = outbox.stats();
      return HealthCheckResponse.named("buergerbuero")
          .up()
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
