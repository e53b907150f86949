package de.buergerbuero.kernel.time;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background jobs of the SDK: run every interval; a failed run is logged and the next one runs.
 *
 * <p>Every {@link Throwable} of a run is caught: an uncaught one would end the scheduled task for
 * good (the executor suppresses all later runs) while the server looks healthy. Each job is
 * registered while it is scheduled, so {@link BackgroundJobsCheck} can report one that has ended or
 * hangs in {@code /health/ready}.
 */
public final class Periodic {
  private static final Map<Job, Boolean> JOBS = new ConcurrentHashMap<>();

  private Periodic() {}

  public static ScheduledFuture<?> every(
      ManagedScheduledExecutorService executor,
      long intervalMs,
      Logger log,
      String what,
      Runnable task) {
    Job job = new Job(what, Duration.ofMillis(intervalMs));
    ScheduledFuture<?> future =
        executor.scheduleWithFixedDelay(
            () -> job.run(task, log), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    job.future = future;
    JOBS.put(job, Boolean.TRUE);
    return new Handle(job, future);
  }

  /** The jobs scheduled now (cancelled ones are gone). */
  public static List<Job> jobs() {
    return List.copyOf(JOBS.keySet());
  }

  /** One scheduled job and what is known about its runs. */
  public static final class Job {
    private final String name;
    private final Duration interval;
    private final Instant scheduledAt = Instant.now();
    private volatile ScheduledFuture<?> future;
    private volatile Instant runningSince;
    private volatile Instant lastStart;
    private volatile Instant lastEnd;
    private volatile String lastFailure;
    private volatile int consecutiveFailures;

    Job(String name, Duration interval) {
      this.name = name;
      this.interval = interval;
    }

    private void run(Runnable task, Logger log) {
      Instant start = Instant.now();
      lastStart = start;
      runningSince = start;
      try {
        task.run();
        consecutiveFailures = 0;
        lastFailure = null;
      } catch (Throwable e) { // NOPMD: see the class comment
        consecutiveFailures++;
        lastFailure = e.getClass().getName();
        log.log(e instanceof Error ? Level.SEVERE : Level.WARNING, name + " failed; will retry", e);
      } finally {
        runningSince = null;
        lastEnd = Instant.now();
      }
    }

    public String name() {
      return name;
    }

    public int consecutiveFailures() {
      return consecutiveFailures;
    }

    /** The class of the last run's failure, null after a successful run. */
    public String lastFailure() {
      return lastFailure;
    }

    /**
     * Why this job does no work any more, or null while it works: its task ended (no further runs
     * will come), a run has taken longer than {@code stuckAfter}, or no run started for {@code
     * stuckAfter} beyond the interval (the executor is starved or stopped).
     */
    public String deadReason(Instant now, Duration stuckAfter) {
      ScheduledFuture<?> f = future;
      if (f != null && f.isDone()) {
        return "ended";
      }
      Instant since = runningSince;
      if (since != null && since.plus(stuckAfter).isBefore(now)) {
        return "running since " + since;
      }
      Instant last = lastStart == null ? scheduledAt : lastStart;
      if (since == null && last.plus(interval).plus(stuckAfter).isBefore(now)) {
        return "not run since " + last;
      }
      return null;
    }

    /** When the last run ended, null before the first. */
    public Instant lastEnd() {
      return lastEnd;
    }
  }

  /** The caller's handle; cancelling it also forgets the job. */
  private record Handle(Job job, ScheduledFuture<?> delegate) implements ScheduledFuture<Object> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      JOBS.remove(job);
      return delegate.cancel(mayInterruptIfRunning);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return delegate.getDelay(unit);
    }

    @Override
    public int compareTo(Delayed o) {
      return delegate.compareTo(o);
    }

    @Override
    public boolean isCancelled() {
      return delegate.isCancelled();
    }

    @Override
    public boolean isDone() {
      return delegate.isDone();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
      return delegate.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return delegate.get(timeout, unit);
    }
  }
}
