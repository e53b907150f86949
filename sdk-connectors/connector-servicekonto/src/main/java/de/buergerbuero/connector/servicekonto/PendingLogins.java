package de.buergerbuero.connector.servicekonto;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins in flight, keyed by an unguessable one-time token (SAML RelayState, OIDC state). The IdP
 * sends the browser back cross-site, so a SameSite=Strict session cookie is not there to find the
 * login; the token is. Entries expire; the map is bounded.
 *
 * @param <T> what the login needs to finish (request id, nonce, PKCE verifier, where to go)
 */
public final class PendingLogins<T> {
  private static final int MAX = 100_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Entry<T>(T value, Instant expires) {}

  private final Map<String, Entry<T>> pending = new ConcurrentHashMap<>();
  private final Duration lifetime;

  public PendingLogins(Duration lifetime) {
    this.lifetime = lifetime;
  }

  /** A new random token (URL-safe, 192 bits). */
  public static String newToken() {
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  public void put(String token, T value, Instant now) {
    if (pending.size() > MAX / 2) {
      pending.values().removeIf(e -> e.expires().isBefore(now));
      if (pending.size() > MAX) {
        throw new SamlException(SamlException.Reason.MALFORMED, "too many logins in flight");
      }
    }
    pending.put(token, new Entry<>(value, now.plus(lifetime)));
  }

  /** Removes and returns the login of this token; null when unknown, used or expired. */
  public T take(String token, Instant now) {
    Entry<T> e = token == null ? null : pending.remove(token);
    return e == null || e.expires().isBefore(now) ? null : e.value();
  }
}
