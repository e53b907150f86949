package de.buergerbuero.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PeriodicTest {
  private static final Logger LOG = Logger.getLogger(PeriodicTest.class.getName());
  private final ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1);

  /** The container's executor, as far as Periodic uses it. */
  private ManagedScheduledExecutorService managed(ScheduledExecutorService delegate) {
    return (ManagedScheduledExecutorService)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ManagedScheduledExecutorService.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  @DisplayName("a run that throws an Error is logged and the job runs again")
  void errorDoesNotEndTheJob() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    ScheduledFuture<?> task =
        Periodic.every(
            managed(pool),
            10,
            LOG,
            "test job (error)",
            () -> {
              runs.incrementAndGet();
              three.countDown();
              if (runs.get() == 1) {
                throw new StackOverflowError("hostile input");
              }
            });
    try {
      assertThat(three.await(5, TimeUnit.SECONDS)).as("runs after the Error").isTrue();
      assertThat(task.isDone()).isFalse();
    } finally {
      task.cancel(false);
    }
  }

  @Test
  @DisplayName("/health/ready is down while a background job has ended or hangs, up again after")
  void readinessReportsADeadJob() throws Exception {
    BackgroundJobsCheck check = new BackgroundJobsCheck();
    check.clock = java.time.Clock.systemUTC();
    check.stuckAfterSeconds = 60;
    ScheduledThreadPoolExecutor other = new ScheduledThreadPoolExecutor(1);
    ScheduledFuture<?> task = Periodic.every(managed(other), 10, LOG, "test job (ends)", () -> {});
    try {
      assertThat(check.report().up()).isTrue();
      other.shutdown(); // the executor cancels the task: no run will come
      assertThat(check.report().up()).isFalse();
      assertThat(check.report().jobs()).containsEntry("test job (ends)", "ended");
    } finally {
      task.cancel(false);
    }
    assertThat(check.report().up()).as("a job stopped by its owner is no longer reported").isTrue();

    CountDownLatch release = new CountDownLatch(1);
    check.stuckAfterSeconds = 0;
    ScheduledFuture<?> hanging =
        Periodic.every(managed(pool), 1, LOG, "test job (hangs)", () -> await(release));
    try {
      Thread.sleep(200);
      assertThat(check.report().up()).isFalse();
      assertThat(check.report().jobs().get("test job (hangs)")).startsWith("running since");
    } finally {
      release.countDown();
      hanging.cancel(false);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
