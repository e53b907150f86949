package de.buergerbuero.applications.forms;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.spi.forms.AnnouncingFormServer;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormServers;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Form intake polling (issue 14 item 11)")
class FormIntakePollingTest {

  /** A FIT-Connect-like server that announces by callback and blocks in fetch until released. */
  static final class SlowServer implements FormServerPort, AnnouncingFormServer {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    @Override
    public Batch fetch(String formId) {
      fetches.incrementAndGet();
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      return new Batch(List.of(), List.of());
    }

    @Override
    public void acknowledge(String formId, String submissionId) {}

    @Override
    public Optional<String> refuseCallback(UnaryOperator<String> header, byte[] body) {
      return Optional.empty();
    }
  }

  @Test
  @DisplayName(
      "a burst of callbacks while a poll runs starts at most one more poll, never two at once")
  void callbacksAreCoalesced() throws Exception {
    SlowServer server = new SlowServer();
    FormIntake intake = new FormIntake();
    intake.servers = new FormServers(Map.of("fitconnect", server));
    intake.clock = Clock.systemUTC();
    intake.mappings(
        List.of(
            new FormMapping(
                "fitconnect",
                "urn:de:fim:leika:leistung:99001001000000",
                "sperrmuell",
                TrustLevel.LOW,
                ApplicantKind.CITIZEN,
                null,
                "/antrag/name",
                Map.of())));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    FormServerResource resource = new FormServerResource();
    resource.servers = intake.servers;
    resource.intake = intake;
    resource.executor = managed(threads);
    HttpHeaders headers = noHeaders();

    announce(resource, headers);
    assertThat(server.started.await(5, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 20; i++) {
      announce(resource, headers);
    }
    Thread.sleep(200);
    server.release.countDown();
    threads.shutdown();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(server.mostAtOnce.get()).as("polls running at the same time").isEqualTo(1);
    assertThat(server.fetches.get())
        .as("the running poll and one queued after it, however many callbacks came")
        .isEqualTo(2);
  }

  /**
   * The callback as the Zustelldienst makes it. The answer is built last with JAX-RS's {@code
   * RuntimeDelegate}, which only a container provides; without it building the 200 fails, after the
   * poll was requested, which is what this test is about.
   */
  private static void announce(FormServerResource resource, HttpHeaders headers) {
    try {
      resource.callback("fitconnect", headers, new java.io.ByteArrayInputStream(new byte[0]));
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("RuntimeDelegate")) {
        throw e;
      }
    }
  }

  private static ManagedExecutorService managed(ExecutorService delegate) {
    return (ManagedExecutorService)
        Proxy.newProxyInstance(
            FormIntakePollingTest.class.getClassLoader(),
            new Class<?>[] {ManagedExecutorService.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static HttpHeaders noHeaders() {
    return (HttpHeaders)
        Proxy.newProxyInstance(
            FormIntakePollingTest.class.getClassLoader(),
            new Class<?>[] {HttpHeaders.class},
            (proxy, method, args) -> null);
  }
}
