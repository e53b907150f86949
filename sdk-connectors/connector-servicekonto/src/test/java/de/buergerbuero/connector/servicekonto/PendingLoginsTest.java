package de.buergerbuero.connector.servicekonto;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.spi.login.InMemoryLoginsInFlight;
import de.buergerbuero.kernel.spi.login.LoginsInFlight;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Logins in flight kept in a shared store instead of one instance's memory (issue 14 item 8). */
class PendingLoginsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

  record Pending(String requestId, String next) {}

  private static PendingLogins<Pending> saml(LoginsInFlight store) {
    return new PendingLogins<>(
        store,
        "saml",
        Duration.ofMinutes(15),
        p -> Arrays.asList(p.requestId(), p.next()),
        f -> new Pending(f.get(0), f.get(1)));
  }

  @Test
  @DisplayName(
      "a login started on one instance finishes on another (one shared store), once, and only in"
          + " the browser that started it")
  void sharedStoreAcrossInstances() {
    LoginsInFlight database = new InMemoryLoginsInFlight(1000);
    PendingLogins<Pending> first = saml(database);
    PendingLogins<Pending> second = saml(database);
    first.put("relay", "cookie", new Pending("_id1", "/antrag?x=ä.~|"), NOW);

    assertThat(second.take("relay", "other-cookie", NOW)).isNull();
    first.put("relay2", "cookie", new Pending("_id2", null), NOW);
    assertThat(second.take("relay2", "cookie", NOW)).isEqualTo(new Pending("_id2", null));
    assertThat(first.take("relay2", "cookie", NOW)).isNull();
  }

  @Test
  @DisplayName("a SAML RelayState is no OIDC state: the kinds do not share tokens")
  void kindsAreSeparate() {
    LoginsInFlight database = new InMemoryLoginsInFlight(1000);
    PendingLogins<Pending> saml = saml(database);
    PendingLogins<String> oidc =
        new PendingLogins<>(database, "oidc", Duration.ofMinutes(15), List::of, f -> f.get(0));
    saml.put("token", "cookie", new Pending("_id", "/"), NOW);
    assertThat(oidc.take("token", "cookie", NOW)).isNull();
    assertThat(saml.take("token", "cookie", NOW)).isEqualTo(new Pending("_id", "/"));
  }

  @Test
  @DisplayName("fields survive the payload encoding: dots, tildes, umlauts, null")
  void encoding() {
    List<String> fields = Arrays.asList("a.b", "~", null, "ä|/", "");
    assertThat(PendingLogins.decode(PendingLogins.encode(fields))).isEqualTo(fields);
  }
}
