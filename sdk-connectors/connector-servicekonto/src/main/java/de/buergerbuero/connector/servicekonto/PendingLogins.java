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

  private record Entry<T>(T value, byte[] browser, Instant expires) {}

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

  /** A login not bound to a browser (a logout this SP started). */
  public void put(String token, T value, Instant now) {
    put(token, null, value, now);
  }

  /**
   * Keeps a login in flight, bound to the browser that started it: {@code browser} is the value of
   * the short-lived pre-login cookie set with the redirect to the identity provider (ADR 0017);
   * only its hash is kept.
   */
  public void put(String token, String browser, T value, Instant now) {
    if (pending.size() > MAX / 2) {
      pending.values().removeIf(e -> e.expires().isBefore(now));
      if (pending.size() > MAX) {
        throw new SamlException(SamlException.Reason.MALFORMED, "too many logins in flight");
      }
    }
    pending.put(token, new Entry<>(value, hash(browser), now.plus(lifetime)));
  }

  /**
   * Removes the login of this token and returns it when the same browser brings it back (its
   * pre-login cookie matches); null when unknown, used, expired or brought by another browser
   * (login CSRF: an attacker's own answer planted into a victim's browser).
   */
  public T take(String token, String browser, Instant now) {
    Entry<T> e = token == null ? null : pending.remove(token);
    if (e == null || e.expires().isBefore(now)) {
      return null;
    }
    byte[] presented = hash(browser);
    if (e.browser() != null
        && (presented == null || !java.security.MessageDigest.isEqual(e.browser(), presented))) {
      return null;
    }
    return e.value();
  }

  private static byte[] hash(String browser) {
    if (browser == null) {
      return null;
    }
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(browser.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes and returns an unbound entry of this token; null when unknown, used or expired. */
  public T take(String token, Instant now) {
    return take(token, null, now);
  }
}
