package de.buergerbuero.kernel.outbox;

import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.time.Periodic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers due outbox entries in the background, one poller per server instance. Instances
 * coordinate only through the database (see {@link OutboxRepository}).
 */
@ApplicationScoped
public class OutboxWorker {
  private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

  @Inject OutboxRepository repository;
  @Inject @Any Instance<OutboxHandler> handlers;
  @Inject Clock clock;
  @Inject OutboxMetrics metrics;

  @Resource ManagedScheduledExecutorService executor;
  @Resource ManagedExecutorService deliveries;

  @Inject
  @ConfigProperty(name = "buergerbuero.outbox.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "buergerbuero.outbox.poll-interval-ms", defaultValue = "1000")
  long pollIntervalMs;

  @Inject
  @ConfigProperty(name = "buergerbuero.outbox.batch-size", defaultValue = "20")
  int batchSize;

  @Inject
  @ConfigProperty(name = "buergerbuero.outbox.parallelism", defaultValue = "4")
  int parallelism;

  @Inject
  @ConfigProperty(name = "buergerbuero.outbox.confirmation-timeout-hours", defaultValue = "48")
  long confirmationTimeoutHours;

  @Inject
  @ConfigProperty(name = "buergerbuero.outbox.lease-seconds", defaultValue = "300")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "buergerbuero.outbox.initial-delay-ms", defaultValue = "2000")
  long initialDelayMs;

  @Inject
  @ConfigProperty(name = "buergerbuero.outbox.max-delay-ms", defaultValue = "3600000")
  long maxDelayMs;

  @Inject
  @ConfigProperty(name = "buergerbuero.outbox.max-attempts", defaultValue = "20")
  int maxAttempts;

  private final String owner = "worker-" + UUID.randomUUID();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean paused = new AtomicBoolean();
  private BackoffPolicy backoff;
  private Map<String, OutboxHandler> handlersByType;
  private ScheduledFuture<?> task;

  /** Starts after schema migration (priority 100) when the application is up. */
  void start(@Observes @Priority(1000) Startup startup) {
    configure(handlers);
    if (!enabled) {
      LOG.info("Outbox worker disabled by buergerbuero.outbox.enabled=false");
      return;
    }
    task = Periodic.every(executor, pollIntervalMs, LOG, "Outbox poll", this::drain);
    LOG.info(() -> "Outbox worker " + owner + " started for types " + handlersByType.keySet());
  }

  /** Builds the back-off policy and the handler table; refuses two handlers for one type. */
  void configure(Iterable<OutboxHandler> available) {
    backoff =
        new BackoffPolicy(
            Duration.ofMillis(initialDelayMs),
            2.0,
            Duration.ofMillis(maxDelayMs),
            maxAttempts,
            0.2);
    Map<String, OutboxHandler> map = new HashMap<>();
    for (OutboxHandler h : available) {
      OutboxHandler previous = map.put(h.type(), h);
      if (previous != null) {
        throw new IllegalStateException("Two outbox handlers for type " + h.type());
      }
    }
    handlersByType = Map.copyOf(map);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /**
   * Polls; while batches come back full, claims the next one at once instead of waiting, for at
   * most one lease time (so that a run of the periodic job ends and the health check can tell a
   * busy worker from a hanging one).
   */
  private void drain() {
    Instant now = clock.instant();
    repository.failUnconfirmed(now.minus(Duration.ofHours(confirmationTimeoutHours)), now);
    // once per run, not per batch: a backlog is drained without an extra UPDATE per batch
    int abandoned = repository.giveUpAbandoned(now, maxAttempts);
    if (abandoned > 0) {
      LOG.warning(
          () ->
              abandoned
                  + " outbox entries FAILED: their deliveries ended without an outcome "
                  + maxAttempts
                  + " times");
    }
    int limit = Math.max(batchSize, parallelism);
    long until = System.nanoTime() + Duration.ofSeconds(leaseSeconds).toNanos();
    while (pollOnce() >= limit && !paused.get() && System.nanoTime() - until < 0) {
      // a backlog: keep draining
    }
  }

  /** Stops claiming new entries on this instance (deliveries under way finish). */
  public void pause() {
    paused.set(true);
  }

  public void resume() {
    paused.set(false);
  }

  public boolean isPaused() {
    return paused.get() || !enabled;
  }

  /** Claims and delivers one batch; returns the number of entries attempted. */
  public int pollOnce() {
    if (paused.get() || !running.compareAndSet(false, true)) {
      return 0;
    }
    try {
      List<OutboxMessage> batch =
          repository.claimDue(
              owner,
              clock.instant(),
              Duration.ofSeconds(leaseSeconds),
              Math.max(batchSize, parallelism));
      if (parallelism <= 1 || batch.size() <= 1) {
        batch.forEach(this::deliver);
      } else {
        deliverInParallel(batch);
      }
      return batch.size();
    } finally {
      running.set(false);
    }
  }

  /** Up to {@code parallelism} deliveries at a time; waits for the whole batch. */
  private void deliverInParallel(List<OutboxMessage> batch) {
    java.util.concurrent.ConcurrentLinkedQueue<OutboxMessage> queue =
        new java.util.concurrent.ConcurrentLinkedQueue<>(batch);
    List<java.util.concurrent.Future<?>> lanes = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(parallelism, batch.size()); i++) {
      lanes.add(
          deliveries.submit(
              () -> {
                OutboxMessage m;
                while ((m = queue.poll()) != null) {
                  deliver(m);
                }
              }));
    }
    for (var lane : lanes) {
      try {
        lane.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.log(Level.WARNING, "Outbox delivery lane failed", e.getCause());
      }
    }
  }

  /**
   * Delivers one entry and records the outcome. Catches every {@link Throwable}: an {@link Error}
   * of one handler (a missing class, a stack overflow on a hostile payload) is that entry's failed
   * attempt, not the end of the batch or of the worker.
   */
  private void deliver(OutboxMessage message) {
    try {
      attempt(message);
    } catch (Throwable e) { // NOPMD: recording the outcome failed too; the lease runs out
      LOG.log(Level.SEVERE, "Outbox delivery " + message.id() + " could not be recorded", e);
    }
  }

  private void attempt(OutboxMessage message) {
    OutboxHandler handler = handlersByType.get(message.type());
    if (handler == null) {
      repository.markAttemptFailed(
          message.id(),
          owner,
          "Kein Zustellweg für Typ " + message.type() + " konfiguriert.",
          java.util.Optional.empty());
      return;
    }
    try {
      String result = handler.deliver(message);
      repository.markDelivered(message, owner, result, clock.instant(), handler);
      metrics.delivered(message.type());
    } catch (Throwable e) { // NOPMD: see deliver
      boolean retryable = !(e instanceof BuergerbueroException be) || be.isRetryable();
      var next =
          retryable
              ? backoff.nextAttempt(
                  message.attempt(), clock.instant(), ThreadLocalRandom.current()::nextDouble)
              : java.util.Optional.<java.time.Instant>empty();
      // The message of a connector exception names the system and reason, not personal data.
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.warning(
          () ->
              "Outbox delivery "
                  + message.id()
                  + " ("
                  + message.type()
                  + ") attempt "
                  + message.attempt()
                  + " failed, "
                  + (next.isPresent() ? "will retry" : "giving up")
                  + ": "
                  + error);
      boolean recorded = repository.markAttemptFailed(message.id(), owner, error, next);
      metrics.failed(message.type());
      // only the worker that gave the entry up tells the handler: with a lost lease another
      // worker owns the entry and may still deliver it
      if (next.isEmpty() && recorded) {
        try {
          handler.gaveUp(message, error);
        } catch (RuntimeException hook) { // the entry stays FAILED and visible to admins
          LOG.warning(() -> "After giving up on " + message.id() + ": " + hook);
        }
      }
    }
  }
}
