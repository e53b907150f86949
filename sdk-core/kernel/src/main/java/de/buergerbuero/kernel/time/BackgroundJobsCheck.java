package de.buergerbuero.kernel.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of {@code /health/ready} of every deployment with the kernel: down while a background job
 * (outbox delivery, audit sealing, DMS confirmations, …) has ended or hangs, so that the load
 * balancer and the operator see an instance that accepts work it will never deliver.
 */
@Readiness
@ApplicationScoped
public class BackgroundJobsCheck implements HealthCheck {
  static final String NAME = "buergerbuero-background-jobs";

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "buergerbuero.jobs.stuck-after-seconds", defaultValue = "900")
  long stuckAfterSeconds;

  @Override
  public HealthCheckResponse call() {
    Report report = report();
    var response = HealthCheckResponse.named(NAME).status(report.up());
    report.jobs().forEach(response::withData);
    return response.build();
  }

  /** Up unless a job is dead; names each dead job and each job whose last run failed. */
  record Report(boolean up, Map<String, String> jobs) {}

  Report report() {
    boolean up = true;
    Map<String, String> jobs = new TreeMap<>();
    for (Periodic.Job job : Periodic.jobs()) {
      String dead = job.deadReason(clock.instant(), Duration.ofSeconds(stuckAfterSeconds));
      if (dead != null) {
        up = false;
        jobs.put(job.name(), dead);
      } else if (job.lastFailure() != null) {
        jobs.put(
            job.name(),
            "last run failed (" + job.lastFailure() + ", " + job.consecutiveFailures() + "x)");
      }
    }
    return new Report(up, jobs);
  }
}
