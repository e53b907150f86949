package de.buergerbuero.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.buergerbuero.kernel.persistence.Dialect;
import de.buergerbuero.kernel.persistence.DriverManagerDataSource;
import de.buergerbuero.kernel.persistence.MigrationSet;
import de.buergerbuero.kernel.persistence.SchemaMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Several instances claiming from one outbox table deliver every entry exactly once. Runs the
 * repository's own SQL on Derby (always) and on PostgreSQL (when the test database of bin/test is
 * reachable on 127.0.0.1:5432).
 */
class OutboxClaimConcurrencyTest {
  private static final int ENTRIES = 400;
  private static final int WORKERS = 4;

  @Test
  @DisplayName("four concurrent workers on Derby claim 400 entries, each exactly once")
  void derby() throws Exception {
    String url = "jdbc:derby:memory:" + UUID.randomUUID() + ";create=true";
    claimRace(() -> DriverManager.getConnection(url));
  }

  @Test
  @DisplayName(
      "four concurrent workers on PostgreSQL (SKIP LOCKED) claim 400 entries, each exactly once")
  void postgresql() throws Exception {
    String base = "jdbc:postgresql://127.0.0.1:5432/buergerbuero";
    try (Connection c = DriverManager.getConnection(base, "buergerbuero", "buergerbuero")) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS outbox_claim_test CASCADE");
      c.createStatement().execute("CREATE SCHEMA outbox_claim_test");
    } catch (SQLException e) {
      assumeTrue(false, "no PostgreSQL test database: " + e.getMessage());
    }
    claimRace(
        () ->
            DriverManager.getConnection(
                base + "?currentSchema=outbox_claim_test", "buergerbuero", "buergerbuero"));
  }

  interface Connections {
    Connection open() throws SQLException;
  }

  private void claimRace(Connections connections) throws Exception {
    new SchemaMigrator(new DriverManagerDataSource(connections::open), getClass().getClassLoader())
        .migrate(
            List.of(
                new MigrationSet(
                    "kernel", "de/buergerbuero/kernel/db", List.of("V1__outbox_and_audit.sql"))));
    Instant now = Instant.now();
    try (Connection c = connections.open()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO bb_outbox (id, type, idempotency_key, payload, state, attempts,"
                  + " next_attempt_at, created_at) VALUES (?, 'test', ?, 'p', 'PENDING', 0, ?, ?)")) {
        for (int i = 0; i < ENTRIES; i++) {
          ps.setString(1, UUID.randomUUID().toString());
          ps.setString(2, "key-" + i);
          ps.setTimestamp(3, Timestamp.from(now.minusSeconds(ENTRIES - i)));
          ps.setTimestamp(4, Timestamp.from(now));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }

    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Callable<List<String>>> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        String owner = "worker-" + w;
        workers.add(() -> drain(connections, owner, now));
      }
      List<String> all = new ArrayList<>();
      int busyWorkers = 0;
      for (Future<List<String>> f : pool.invokeAll(workers)) {
        List<String> claimed = f.get();
        all.addAll(claimed);
        if (!claimed.isEmpty()) {
          busyWorkers++;
        }
      }
      Set<String> distinct = new HashSet<>(all);
      assertThat(all).hasSize(ENTRIES);
      assertThat(distinct).hasSize(ENTRIES);
      assertThat(busyWorkers).isGreaterThan(1);
    } finally {
      pool.shutdownNow();
    }

    // A lease that ran out (instance killed mid-delivery) makes the entry claimable again.
    try (Connection c = connections.open()) {
      c.setAutoCommit(true);
      c.createStatement()
          .executeUpdate("UPDATE bb_outbox SET lease_until = NULL WHERE idempotency_key = 'key-0'");
      c.createStatement()
          .executeUpdate("UPDATE bb_outbox SET lease_until = NULL WHERE idempotency_key = 'key-1'");
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE bb_outbox SET lease_until = ? WHERE idempotency_key = 'key-1'")) {
        ps.setTimestamp(1, Timestamp.from(now.minusSeconds(1)));
        ps.executeUpdate();
      }
    }
    List<String> again = drain(connections, "late-worker", now);
    assertThat(again).hasSize(2);
  }

  /** One worker: claims batches of 10 until nothing is due, like OutboxRepository.claimDue. */
  private static List<String> drain(Connections connections, String owner, Instant now)
      throws SQLException {
    List<String> mine = new ArrayList<>();
    try (Connection c = connections.open()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      Dialect dialect = Dialect.of(c);
      while (true) {
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps =
            c.prepareStatement(OutboxRepository.candidatesSql(dialect, 10))) {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setTimestamp(2, Timestamp.from(now));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              candidates.add(rs.getString(1));
            }
          }
        } catch (SQLException e) {
          c.rollback();
          if (isLockConflict(e)) {
            continue;
          }
          throw e;
        }
        if (candidates.isEmpty()) {
          c.commit();
          return mine;
        }
        List<String> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OutboxRepository.CLAIM_SQL)) {
          for (String id : candidates) {
            ps.setString(1, owner);
            ps.setTimestamp(2, Timestamp.from(now.plusSeconds(300)));
            ps.setString(3, id);
            ps.setTimestamp(4, Timestamp.from(now));
            if (ps.executeUpdate() == 1) {
              claimed.add(id);
            }
          }
          c.commit();
          mine.addAll(claimed);
        } catch (SQLException e) {
          c.rollback();
          if (!isLockConflict(e)) {
            throw e;
          }
        }
      }
    }
  }

  /** Derby reports lock timeouts and deadlocks (40XL1, 40001); the worker just tries again. */
  private static boolean isLockConflict(SQLException e) {
    String state = e.getSQLState();
    return "40XL1".equals(state) || "40001".equals(state) || "40P01".equals(state);
  }
}
