package de.buergerbuero.kernel.spi.login;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.http.ClientAddress;
import de.buergerbuero.kernel.persistence.DriverManagerDataSource;
import de.buergerbuero.kernel.persistence.KernelSchema;
import de.buergerbuero.kernel.persistence.MigrationSet;
import de.buergerbuero.kernel.persistence.SchemaMigrator;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Logins in flight and federated sessions in the database (issue 14 item 8), on Derby. */
class LoginStoresTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final Duration LIFETIME = Duration.ofMinutes(15);

  private static DataSource migratedDerby() throws Exception {
    String url = "jdbc:derby:memory:" + UUID.randomUUID() + ";create=true";
    DataSource ds = new DriverManagerDataSource(() -> DriverManager.getConnection(url));
    MigrationSet kernel = KernelSchema.migrations();
    new SchemaMigrator(ds, LoginStoresTest.class.getClassLoader()).migrate(List.of(kernel));
    return ds;
  }

  private static long rows(DataSource ds, String table) throws Exception {
    try (var c = ds.getConnection();
        var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Nested
  @DisplayName("logins in flight")
  class InFlight {
    @Test
    @DisplayName(
        "a login started on one instance finishes on another: both share the database, the token"
            + " works once, and only hashes are stored")
    void sharedAcrossInstances() throws Exception {
      DataSource ds = migratedDerby();
      var first = new DatabaseLoginsInFlight(ds);
      var second = new DatabaseLoginsInFlight(ds);
      first.put("token-1", "cookie-1", "request-id|/next", NOW, LIFETIME);

      assertThat(second.take("token-1", "cookie-1", NOW.plusSeconds(30)))
          .hasValue("request-id|/next");
      assertThat(first.take("token-1", "cookie-1", NOW.plusSeconds(31))).isEmpty();
      first.put("token-2", "cookie-2", "x", NOW, LIFETIME);
      try (var c = ds.getConnection();
          var rs =
              c.createStatement()
                  .executeQuery("SELECT token_hash, browser_hash FROM bb_login_in_flight")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).hasSize(64).isNotEqualTo("token-2");
        assertThat(rs.getString(2)).hasSize(64).doesNotContain("cookie-2");
      }
    }

    @Test
    @DisplayName(
        "another browser, an expired entry or an unknown token get nothing, and the entry is gone")
    void refusals() throws Exception {
      DataSource ds = migratedDerby();
      var store = new DatabaseLoginsInFlight(ds);
      store.put("t", "victim-cookie", "p", NOW, LIFETIME);
      assertThat(store.take("t", "attacker-cookie", NOW)).isEmpty();
      assertThat(store.take("t", "victim-cookie", NOW)).isEmpty();
      store.put("old", "c", "p", NOW, LIFETIME);
      assertThat(store.take("old", "c", NOW.plus(LIFETIME))).isEmpty();
      assertThat(store.take("never", "c", NOW)).isEmpty();
      assertThat(store.take(null, "c", NOW)).isEmpty();
      store.put("logout", null, "request", NOW, LIFETIME);
      assertThat(store.take("logout", null, NOW)).hasValue("request");
    }

    @Test
    @DisplayName(
        "expired logins are deleted (cleanup), and 100 500 logins in flight are stored, where the"
            + " old in-memory map refused every new login above 100 000")
    void expiryAndNoFixedCeiling() throws Exception {
      DataSource ds = migratedDerby();
      var store = new DatabaseLoginsInFlight(ds);
      for (int i = 0; i < 50; i++) {
        store.put("early-" + i, "c", "p", NOW, LIFETIME);
      }
      store.put("late", "c", "p", NOW.plus(LIFETIME).plusSeconds(61), LIFETIME);
      assertThat(rows(ds, "bb_login_in_flight")).isEqualTo(1);
      assertThat(store.take("late", "c", NOW.plus(LIFETIME).plusSeconds(62))).hasValue("p");

      try (var c = ds.getConnection();
          var insert =
              c.prepareStatement(
                  "INSERT INTO bb_login_in_flight (token_hash, browser_hash, payload,"
                      + " expires_ms) VALUES (?, NULL, 'p', ?)")) {
        c.setAutoCommit(false);
        for (int i = 0; i < 100_500; i++) {
          insert.setString(1, String.format("%064d", i));
          insert.setLong(2, NOW.plus(LIFETIME).toEpochMilli());
          insert.addBatch();
          if (i % 10_000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
        c.commit();
      }
      store.put("one-more", "c", "p", NOW, LIFETIME);
      assertThat(store.take("one-more", "c", NOW)).hasValue("p");
    }
  }

  @Nested
  @DisplayName("federated sessions")
  class Sessions {
    @Test
    @DisplayName(
        "the IdP's logout received by one instance ends the session recorded by another;"
            + " other subjects and other IdP sessions stay")
    void logoutReachesEveryInstance() throws Exception {
      DataSource ds = migratedDerby();
      var a = new FederatedSessions(ds);
      var b = new FederatedSessions(ds);
      String anna1 = a.register("saml", "anna", "idx-1", NOW, Duration.ofHours(12));
      String anna2 = a.register("saml", "anna", "idx-2", NOW, Duration.ofHours(12));
      String ben = a.register("saml", "ben", "idx-3", NOW, Duration.ofHours(12));
      String staffAnna = a.register("staff-saml", "anna", "idx-1", NOW, Duration.ofHours(12));

      assertThat(b.end("saml", "anna", List.of("idx-1"))).isEqualTo(1);
      assertThat(a.ended(anna1, NOW)).isTrue();
      assertThat(a.ended(anna2, NOW)).isFalse();
      assertThat(b.end("saml", "anna", Collections.emptyList())).isEqualTo(2);
      assertThat(a.ended(anna2, NOW)).isTrue();
      assertThat(a.ended(ben, NOW)).isFalse();
      assertThat(a.ended(staffAnna, NOW)).isFalse();
      assertThat(a.ended(ben, NOW.plus(Duration.ofHours(12)))).isTrue();
      assertThat(a.ended("unknown", NOW)).isTrue();
      a.forget(ben);
      assertThat(a.ended(ben, NOW)).isTrue();
    }
  }

  @Nested
  @DisplayName("the client of a login start")
  class Clients {
    @Test
    @DisplayName(
        "X-Forwarded-For counts only from a listed proxy, read from the right; a client cannot"
            + " pick its own address")
    void trustedProxies() {
      var none = new ClientAddress("", "k");
      var proxy = new ClientAddress("10.0.0.0/8, ::1", "k");
      assertThat(none.of("10.0.0.5", Collections.enumeration(List.of("203.0.113.7"))))
          .isEqualTo("10.0.0.5");
      assertThat(proxy.of("10.0.0.5", Collections.enumeration(List.of("1.2.3.4, 203.0.113.7"))))
          .isEqualTo("203.0.113.7");
      assertThat(proxy.of("192.0.2.1", Collections.enumeration(List.of("203.0.113.7"))))
          .isEqualTo("192.0.2.1");
    }
  }
}
