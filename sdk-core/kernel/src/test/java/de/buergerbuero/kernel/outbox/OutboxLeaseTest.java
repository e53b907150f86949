package de.buergerbuero.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Attempts and leases of the outbox, on the repository's own SQL (Derby). */
class OutboxLeaseTest {
  private static final int MAX_ATTEMPTS = 3;
  private final Instant now = Instant.parse("2026-11-27T10:00:00Z");
  private String url;

  @BeforeEach
  void schema() throws Exception {
    url = "jdbc:derby:memory:" + UUID.randomUUID() + ";create=true";
    new SchemaMigrator(
            new DriverManagerDataSource(() -> DriverManager.getConnection(url)),
            getClass().getClassLoader())
        .migrate(
            List.of(
                new MigrationSet(
                    "kernel",
                    "de/buergerbuero/kernel/db",
                    List.of(
                        "V1__outbox_and_audit.sql",
                        "V2__audit_pending.sql",
                        "V3__outbox_state_length.sql",
                        "V4__keyed_audit_chain.sql"))));
    update(
        "INSERT INTO bb_outbox (id, type, idempotency_key, payload, state, attempts,"
            + " next_attempt_at, created_at) VALUES ('e1', 'dms', 'k1', 'p', 'PENDING', 0, ?, ?)",
        ts(now.minusSeconds(10)),
        ts(now.minusSeconds(10)));
  }

  @Test
  @DisplayName("claiming an entry counts the attempt, before its delivery can crash the instance")
  void claimCountsTheAttempt() throws Exception {
    assertThat(claim("worker-a", now)).isTrue();
    assertThat(attempts()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "an entry whose delivery kills the instance every time ends FAILED after max-attempts claims")
  void crashingEntryIsNotClaimedForever() throws Exception {
    Instant t = now;
    int claims = 0;
    for (int i = 0; i < 10; i++) {
      update(
          OutboxRepository.GIVE_UP_ABANDONED_SQL,
          OutboxRepository.ABANDONED_ERROR,
          ts(t),
          MAX_ATTEMPTS);
      if (claim("worker-" + i, t)) {
        claims++;
      }
      // the instance dies mid-delivery: no outcome is recorded; the lease runs out
      t = t.plusSeconds(301);
    }
    assertThat(claims).isEqualTo(MAX_ATTEMPTS);
    assertThat(column("state")).isEqualTo("FAILED");
    assertThat(column("last_error")).contains("Versuche aufgebraucht");
    assertThat(column("lease_owner")).isNull();
  }

  @Test
  @DisplayName(
      "an admin retry leaves an entry alone while a worker delivers it: no second delivery")
  void retryKeepsALiveLease() throws Exception {
    assertThat(claim("worker-a", now)).isTrue();
    int retried = update(OutboxRepository.RETRY_SQL, ts(now), "e1", ts(now));
    assertThat(retried).isZero();
    assertThat(column("lease_owner")).isEqualTo("worker-a");
    assertThat(claim("worker-b", now.plusSeconds(1)))
        .as("a second worker must not get the entry while the first delivers it")
        .isFalse();

    // once the lease ran out (the worker died), the retry puts it back in the queue
    Instant later = now.plusSeconds(301);
    assertThat(update(OutboxRepository.RETRY_SQL, ts(later), "e1", ts(later))).isEqualTo(1);
    assertThat(claim("worker-b", later)).isTrue();
  }

  private boolean claim(String owner, Instant at) throws SQLException {
    return update(OutboxRepository.CLAIM_SQL, owner, ts(at.plusSeconds(300)), "e1", ts(at)) == 1;
  }

  private int attempts() throws SQLException {
    return Integer.parseInt(column("attempts"));
  }

  private String column(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT " + name + " FROM bb_outbox WHERE id = 'e1'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private int update(String sql, Object... params) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }
}
