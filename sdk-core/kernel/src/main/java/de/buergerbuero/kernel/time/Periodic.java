package de.buergerbuero.kernel.time;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Background jobs of the SDK: run every interval; a failed run is logged and the next one runs. */
public final class Periodic {
  private Periodic() {}

  public static ScheduledFuture<?> every(
      ManagedScheduledExecutorService executor,
      long intervalMs,
      Logger log,
      String what,
      Runnable task) {
    return executor.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.log(Level.WARNING, what + " failed; will retry", e);
          }
        },
        intervalMs,
        intervalMs,
        TimeUnit.MILLISECONDS);
  }
}
