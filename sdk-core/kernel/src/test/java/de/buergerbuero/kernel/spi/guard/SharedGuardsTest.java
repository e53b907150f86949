package de.buergerbuero.kernel.spi.guard;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.audit.AuditKey;
import de.buergerbuero.kernel.persistence.DriverManagerDataSource;
import de.buergerbuero.kernel.persistence.KernelSchema;
import de.buergerbuero.kernel.persistence.MigrationSet;
import de.buergerbuero.kernel.persistence.SchemaMigrator;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BinaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Replay guard and client limits shared by two "instances" on one database (issue 20 item 3). */
class SharedGuardsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final AuditKey KEY = AuditKey.of("test-only-pseudonym-key-0123456789abcdef");
  private static final BinaryOperator<String> PSEUDONYM =
      (scope, client) -> KEY.macHex(scope + '\u0000' + client);

  private static DataSource migratedDerby() throws Exception {
    String url = "jdbc:derby:memory:" + UUID.randomUUID() + ";create=true";
    DataSource ds = new DriverManagerDataSource(() -> DriverManager.getConnection(url));
    MigrationSet kernel = KernelSchema.migrations();
    new SchemaMigrator(ds, SharedGuardsTest.class.getClassLoader()).migrate(List.of(kernel));
    return ds;
  }

  @Test
  @DisplayName(
      "an identifier used on one instance is refused on the other until it expires, then usable"
          + " again; scopes are separate")
  void replayRefusedAcrossInstances() throws Exception {
    DataSource ds = migratedDerby();
    var first = new ReplayGuard(ds);
    var second = new ReplayGuard(ds);
    Instant expires = NOW.plusSeconds(300);

    assertThat(first.firstUse("saml-assertion", "_a1", expires, NOW)).isTrue();
    assertThat(second.firstUse("saml-assertion", "_a1", expires, NOW.plusSeconds(1))).isFalse();
    assertThat(first.firstUse("saml-assertion", "_a1", expires, NOW.plusSeconds(2))).isFalse();
    assertThat(second.firstUse("webhook", "_a1", expires, NOW)).isTrue();
    assertThat(second.firstUse("saml-assertion", "_a1", NOW.plusSeconds(900), NOW.plusSeconds(301)))
        .isTrue();
  }

  @Test
  @DisplayName("of many concurrent posts of one message to two instances exactly one is accepted")
  void concurrentReplays() throws Exception {
    DataSource ds = migratedDerby();
    List<ReplayGuard> instances = List.of(new ReplayGuard(ds), new ReplayGuard(ds));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> posts = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        ReplayGuard g = instances.get(i % 2);
        posts.add(() -> g.firstUse("saml-assertion", "_same", NOW.plusSeconds(60), NOW));
      }
      long accepted = 0;
      for (Future<Boolean> f : pool.invokeAll(posts)) {
        accepted += f.get() ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "a client spreading 40 concurrent holds over two instances gets the limit once (10), another"
          + " client still gets its own, and the next window starts afresh")
  void limitSharedAcrossInstances() throws Exception {
    DataSource ds = migratedDerby();
    List<ClientLimits> instances =
        List.of(new ClientLimits(ds, PSEUDONYM), new ClientLimits(ds, PSEUDONYM));
    Duration hour = Duration.ofHours(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> holds = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        ClientLimits l = instances.get(i % 2);
        holds.add(() -> l.tryAcquire("appointment-hold", "203.0.113.7", 10, hour, NOW));
      }
      long granted = 0;
      for (Future<Boolean> f : pool.invokeAll(holds)) {
        granted += f.get() ? 1 : 0;
      }
      assertThat(granted).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
    assertThat(instances.get(1).tryAcquire("appointment-hold", "198.51.100.9", 10, hour, NOW))
        .isTrue();
    assertThat(instances.get(0).tryAcquire("login-start", "203.0.113.7", 10, hour, NOW)).isTrue();
    assertThat(
            instances
                .get(0)
                .tryAcquire("appointment-hold", "203.0.113.7", 10, hour, NOW.plus(hour)))
        .isTrue();
  }

  @Test
  @DisplayName(
      "client addresses are stored only as keyed pseudonyms, and ended windows are deleted")
  void noClearAddressesAndPurge() throws Exception {
    DataSource ds = migratedDerby();
    var limits = new ClientLimits(ds, PSEUDONYM);
    limits.tryAcquire("appointment-hold", "203.0.113.7", 10, Duration.ofMinutes(1), NOW);
    try (var c = ds.getConnection();
        var rs = c.createStatement().executeQuery("SELECT client_hash FROM bb_client_window")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1))
          .hasSize(64)
          .isEqualTo(PSEUDONYM.apply("appointment-hold", "203.0.113.7"))
          .doesNotContain("203.0.113");
    }
    // the next action after the window (and the purge interval) deletes the ended window
    limits.tryAcquire(
        "appointment-hold", "198.51.100.9", 10, Duration.ofMinutes(1), NOW.plusSeconds(120));
    try (var c = ds.getConnection();
        var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM bb_client_window")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("limit 0 means no limit")
  void zeroIsOff() throws Exception {
    var limits = new ClientLimits(migratedDerby(), PSEUDONYM);
    for (int i = 0; i < 50; i++) {
      assertThat(limits.tryAcquire("appointment-hold", "x", 0, Duration.ofHours(1), NOW)).isTrue();
    }
  }
}
