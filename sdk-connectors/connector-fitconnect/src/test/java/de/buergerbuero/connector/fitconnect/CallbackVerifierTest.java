package de.buergerbuero.connector.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallbackVerifierTest {
  static final String SECRET = "ein-zufaelliges-callback-secret-mit-mindestens-32-zeichen";
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static final byte[] BODY =
      "{\"type\":\"https://schema.fitko.de/fit-connect/callbacks/new-submissions\",\"submissionIds\":[\"f39ab143-d91a-474a-b69f-b00f1a1873c2\"]}"
          .getBytes(StandardCharsets.UTF_8);

  static CallbackVerifier verifier() {
    return new CallbackVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static String ts(Instant at) {
    return Long.toString(at.getEpochSecond());
  }

  @Test
  @DisplayName("a callback signed with the secret within 5 minutes is accepted, once")
  void acceptedOnce() {
    CallbackVerifier v = verifier();
    String t = ts(NOW.minusSeconds(30));
    String hmac = v.sign(t, BODY);
    assertThat(v.verify(t, hmac, BODY)).isEqualTo(CallbackVerifier.Outcome.ACCEPTED);
    assertThat(v.verify(t, hmac.toUpperCase(), BODY)).isEqualTo(CallbackVerifier.Outcome.REPLAYED);
  }

  @Test
  @DisplayName("a changed body, another secret or a garbage signature is forged")
  void forged() {
    CallbackVerifier v = verifier();
    String t = ts(NOW);
    String hmac = v.sign(t, BODY);
    byte[] changed =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("f39a", "0000")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(v.verify(t, hmac, changed)).isEqualTo(CallbackVerifier.Outcome.FORGED);
    String other = new CallbackVerifier(SECRET + "x", Clock.systemUTC()).sign(t, BODY);
    assertThat(v.verify(t, other, BODY)).isEqualTo(CallbackVerifier.Outcome.FORGED);
    assertThat(v.verify(t, "nicht-hex", BODY)).isEqualTo(CallbackVerifier.Outcome.FORGED);
    // the timestamp is signed too: moving it breaks the signature
    assertThat(v.verify(ts(NOW.minusSeconds(1)), hmac, BODY))
        .isEqualTo(CallbackVerifier.Outcome.FORGED);
  }

  @Test
  @DisplayName("older than 5 minutes or far in the future is refused even when signed")
  void tooOld() {
    CallbackVerifier v = verifier();
    String old = ts(NOW.minusSeconds(301));
    assertThat(v.verify(old, v.sign(old, BODY), BODY)).isEqualTo(CallbackVerifier.Outcome.TOO_OLD);
    String future = ts(NOW.plusSeconds(120));
    assertThat(v.verify(future, v.sign(future, BODY), BODY))
        .isEqualTo(CallbackVerifier.Outcome.TOO_OLD);
    String edge = ts(NOW.minusSeconds(299));
    assertThat(v.verify(edge, v.sign(edge, BODY), BODY))
        .isEqualTo(CallbackVerifier.Outcome.ACCEPTED);
  }

  @Test
  @DisplayName("missing or malformed headers are refused")
  void missing() {
    CallbackVerifier v = verifier();
    assertThat(v.verify(null, "ab", BODY)).isEqualTo(CallbackVerifier.Outcome.MISSING_HEADERS);
    assertThat(v.verify(ts(NOW), null, BODY)).isEqualTo(CallbackVerifier.Outcome.MISSING_HEADERS);
    assertThat(v.verify("gestern", "ab", BODY)).isEqualTo(CallbackVerifier.Outcome.MISSING_HEADERS);
  }
}
