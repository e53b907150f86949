package ${package};

import de.buergerbuero.kernel.outbox.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers; reports pending and failed deliveries. */
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
