package de.buergerbuero.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.appointments.AppointmentResource.HoldRequest;
import de.buergerbuero.appointments.AppointmentsError.AppointmentException;
import de.buergerbuero.kernel.persistence.KernelSchema;
import de.buergerbuero.kernel.persistence.SchemaMigrator;
import de.buergerbuero.kernel.spi.guard.ClientLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The booking API needs no login; one client must not be able to take a whole day. */
class BookingAbuseTest {
  static final String PROXY = "10.0.0.5";

  static HttpServletRequest request(String peer, String forwardedFor) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            BookingAbuseTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteAddr" -> peer;
                  case "getHeaders" ->
                      Collections.enumeration(
                          forwardedFor == null ? List.<String>of() : List.of(forwardedFor));
                  default -> null;
                });
  }

  static ClientAddresses clients(String trusted) {
    ClientAddresses c = new ClientAddresses();
    c.trustedProxies = Optional.ofNullable(trusted);
    c.init();
    return c;
  }

  static AppointmentResource resource(Harness h, BookingLimits limits, HttpServletRequest http) {
    AppointmentResource r = new AppointmentResource();
    r.appointments = h.service;
    r.holds = h.holds;
    r.confirmations = h.confirmations;
    r.changes = h.changes;
    r.limits = limits;
    r.clients = clients(PROXY + ",192.168.0.0/16");
    r.http = http;
    return r;
  }

  /** The kernel's shared limits on an in-memory Derby with the kernel's tables. */
  static ClientLimits sharedLimits() {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:" + UUID.randomUUID());
    ds.setCreateDatabase("create");
    new SchemaMigrator(ds, BookingAbuseTest.class.getClassLoader())
        .migrate(List.of(KernelSchema.migrations()));
    return new ClientLimits(ds, (scope, client) -> scope + "/" + client.hashCode());
  }

  @Test
  @DisplayName(
      "one client trying to hold every slot of a day gets at most the configured number; others"
          + " can still book")
  void oneClientCannotTakeTheDay() {
    Harness h = new Harness(false);
    BookingLimits limits = new BookingLimits();
    limits.searchesPerMinute = 120;
    limits.holdsPerHour = 3;
    limits.confirmationsPerHour = 3;
    limits.trackedClients = 1000;
    limits.shared = sharedLimits();
    limits.clock = h.clock;
    limits.init();
    List<Instant> day = h.service.freeTimes("l", "pass", LocalDate.of(2026, 12, 7));
    assertThat(day).hasSize(5); // capacity 2: ten holds would take the whole Monday

    // the attacker, behind the town's proxy, even forging an X-Forwarded-For entry of its own
    int won = 0;
    int refused = 0;
    for (int i = 0; i < 10; i++) {
      String forged = "203.0.113." + i + ", 198.51.100.7";
      AppointmentResource attacker = resource(h, limits, request(PROXY, forged));
      try {
        attacker.reserve(
            new HoldRequest("l", "pass", day.get(i % 5), UUID.randomUUID().toString()));
        won++;
      } catch (AppointmentException e) {
        assertThat(e.errorCode()).isEqualTo(AppointmentsError.TOO_MANY_BOOKINGS);
        refused++;
      }
    }
    assertThat(won).isEqualTo(3);
    assertThat(refused).isEqualTo(7);

    AppointmentResource citizen = resource(h, limits, request(PROXY, "198.51.100.99"));
    var held =
        citizen.reserve(new HoldRequest("l", "pass", day.get(4), UUID.randomUUID().toString()));
    assertThat(held.status()).isEqualTo("HELD");
    assertThat(held.holdToken()).isNotBlank();
    assertThat(h.service.freeTimes("l", "pass", LocalDate.of(2026, 12, 7))).isNotEmpty();
  }

  @Test
  @DisplayName("X-Forwarded-For counts only from a listed proxy, read from the right")
  void trustedProxiesOnly() {
    ClientAddresses c = clients(PROXY + ",192.168.0.0/16,fd00::/8");
    assertThat(c.of(request("198.51.100.1", "203.0.113.9")))
        .as("not a proxy")
        .isEqualTo("198.51.100.1");
    assertThat(c.of(request(PROXY, "203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(c.of(request(PROXY, "1.2.3.4, 203.0.113.9, 192.168.1.1")))
        .as("forged left entry ignored, inner proxy skipped")
        .isEqualTo("203.0.113.9");
    assertThat(c.of(request("fd00::1", "2001:db8::7"))).isEqualTo("2001:db8::7");
    assertThat(clients(null).of(request(PROXY, "203.0.113.9"))).isEqualTo(PROXY);
  }

  @Test
  @DisplayName("the limiter keeps at most the configured number of clients and never starts over")
  void boundedLimiter() {
    AtomicLong nanos = new AtomicLong();
    RateLimit limit = new RateLimit(2, 60_000_000_000L, 100, nanos::get);
    assertThat(limit.tryAcquire("heavy")).isTrue();
    assertThat(limit.tryAcquire("heavy")).isTrue();
    assertThat(limit.tryAcquire("heavy")).isFalse();
    for (int i = 0; i < 99; i++) {
      limit.tryAcquire("flood-" + i);
      assertThat(limit.tryAcquire("heavy")).as("still limited after %d new clients", i).isFalse();
    }
    for (int i = 0; i < 100_000; i++) {
      limit.tryAcquire("flood-" + i);
    }
    assertThat(limit.trackedClients()).isEqualTo(100);
    nanos.addAndGet(30_000_000_000L);
    assertThat(limit.tryAcquire("again")).isTrue();
  }
}
