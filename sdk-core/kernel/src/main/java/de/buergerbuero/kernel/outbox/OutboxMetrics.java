package de.buergerbuero.kernel.outbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Outbox metrics in the application registry (when the runtime has MicroProfile Metrics): {@code
 * buergerbuero_outbox_pending}, {@code _failed}, {@code _oldest_pending_age_seconds} (gauges, read
 * from the database at most every 5 s) and {@code _deliveries_total} / {@code _failures_total} per
 * entry type (counters of this instance).
 */
@ApplicationScoped
public class OutboxMetrics {
  private static final Duration CACHE = Duration.ofSeconds(5);

  @Inject Instance<MetricRegistry> registries;
  @Inject OutboxRepository repository;
  @Inject Clock clock;

  private MetricRegistry registry;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

  private record Snapshot(Instant at, OutboxRepository.OutboxStats stats) {}

  void register(@Observes @Priority(900) Startup startup) {
    if (!registries.isResolvable()) {
      return;
    }
    registry = registries.get();
    registry.gauge(
        Metadata.builder()
            .withName("buergerbuero_outbox_pending")
            .withDescription("Outbox entries waiting for delivery")
            .build(),
        () -> stats().pending());
    registry.gauge(
        Metadata.builder()
            .withName("buergerbuero_outbox_failed")
            .withDescription("Outbox entries that failed for good and wait for staff")
            .build(),
        () -> stats().failed());
    registry.gauge(
        Metadata.builder()
            .withName("buergerbuero_outbox_oldest_pending_age_seconds")
            .withDescription("Age of the oldest pending outbox entry")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        () -> {
          Instant oldest = stats().oldestPendingCreatedAt();
          return oldest == null ? 0L : Duration.between(oldest, clock.instant()).toSeconds();
        });
  }

  void delivered(String type) {
    count("buergerbuero_outbox_deliveries_total", "Outbox entries delivered", type);
  }

  void failed(String type) {
    count("buergerbuero_outbox_failures_total", "Failed outbox delivery attempts", type);
  }

  private void count(String name, String description, String type) {
    if (registry != null) {
      registry
          .counter(
              Metadata.builder().withName(name).withDescription(description).build(),
              new Tag("type", type.replaceAll("[^A-Za-z0-9_]", "_")))
          .inc();
    }
  }

  private OutboxRepository.OutboxStats stats() {
    Snapshot s = snapshot.get();
    Instant now = clock.instant();
    if (s == null || s.at().plus(CACHE).isBefore(now)) {
      s = new Snapshot(now, repository.stats());
      snapshot.set(s);
    }
    return s.stats();
  }
}
