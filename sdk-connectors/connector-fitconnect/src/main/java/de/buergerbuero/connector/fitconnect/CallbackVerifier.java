package de.buergerbuero.connector.fitconnect;

import de.buergerbuero.kernel.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies FIT-Connect callbacks: header {@code callback-timestamp} (Unix seconds) and {@code
 * callback-authentication} (hex HMAC-SHA512 with the callback secret over the timestamp, a dot and
 * the raw body). Refused are: missing or malformed headers, timestamps older than 5 minutes (or
 * more than one minute ahead), a HMAC that does not match (compared in constant time), and a
 * callback seen before within the window (replay).
 */
public final class CallbackVerifier {
  static final Duration MAX_AGE = Duration.ofMinutes(5);
  static final Duration MAX_AHEAD = Duration.ofMinutes(1);
  private static final int MAX_REMEMBERED = 10_000;

  private final byte[] secret;
  private final Clock clock;
  private final Map<String, Instant> seen =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  /** What a verification found. */
  public enum Outcome {
    ACCEPTED,
    MISSING_HEADERS,
    TOO_OLD,
    FORGED,
    REPLAYED
  }

  public CallbackVerifier(String callbackSecret, Clock clock) {
    if (callbackSecret == null || callbackSecret.length() < 32) {
      throw new IllegalArgumentException("the callback secret must have at least 32 characters");
    }
    this.secret = callbackSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  public Outcome verify(String timestampHeader, String authenticationHeader, byte[] body) {
    if (timestampHeader == null || authenticationHeader == null || body == null) {
      return Outcome.MISSING_HEADERS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestampHeader.strip());
    } catch (NumberFormatException e) {
      return Outcome.MISSING_HEADERS;
    }
    Instant sent = Instant.ofEpochSecond(seconds);
    Instant now = clock.instant();
    if (sent.isBefore(now.minus(MAX_AGE)) || sent.isAfter(now.plus(MAX_AHEAD))) {
      return Outcome.TOO_OLD;
    }
    byte[] expected = hmac(timestampHeader.strip(), body);
    if (!Hashes.matchesHex(expected, authenticationHeader)) {
      return Outcome.FORGED;
    }
    String key = HexFormat.of().formatHex(expected);
    synchronized (seen) {
      seen.values().removeIf(at -> at.isBefore(now.minus(MAX_AGE)));
      if (seen.putIfAbsent(key, sent) != null) {
        return Outcome.REPLAYED;
      }
    }
    return Outcome.ACCEPTED;
  }

  /** The header value a sender computes (used by the tests' simulator). */
  public String sign(String timestamp, byte[] body) {
    return HexFormat.of().formatHex(hmac(timestamp, body));
  }

  private byte[] hmac(String timestamp, byte[] body) {
    return Hashes.hmac(
        "HmacSHA512",
        secret,
        timestamp.getBytes(StandardCharsets.US_ASCII),
        new byte[] {'.'},
        body);
  }
}
