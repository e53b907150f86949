package de.buergerbuero.connector.servicekonto;

import de.buergerbuero.kernel.spi.login.LoginsInFlight;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Logins in flight of one kind (SAML logins, SAML logouts, OIDC logins), keyed by an unguessable
 * one-time token (SAML RelayState, OIDC state), kept in the kernel's {@link LoginsInFlight} — the
 * database, shared by every instance, with expiry and cleanup (issue 14 item 8). The IdP sends the
 * browser back cross-site, so a SameSite=Strict session cookie is not there to find the login; the
 * token is. The token is namespaced by the kind, so a RelayState is no OIDC state.
 *
 * @param <T> what the login needs to finish (request id, nonce, PKCE verifier, where to go)
 */
public final class PendingLogins<T> {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LoginsInFlight store;
  private final String kind;
  private final Duration lifetime;
  private final Function<T, List<String>> write;
  private final Function<List<String>, T> read;

  /**
   * @param store where logins in flight are kept
   * @param kind a short name of this kind of login, e.g. {@code saml}
   * @param lifetime how long a login may take
   * @param write the value as fields (each may be null)
   * @param read the value from those fields
   */
  public PendingLogins(
      LoginsInFlight store,
      String kind,
      Duration lifetime,
      Function<T, List<String>> write,
      Function<List<String>, T> read) {
    this.store = Objects.requireNonNull(store, "store");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.write = write;
    this.read = read;
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
    store.put(key(token), browser, encode(write.apply(value)), now, lifetime);
  }

  /**
   * Removes the login of this token and returns it when the same browser brings it back (its
   * pre-login cookie matches); null when unknown, used, expired or brought by another browser
   * (login CSRF: an attacker's own answer planted into a victim's browser).
   */
  public T take(String token, String browser, Instant now) {
    if (token == null) {
      return null;
    }
    return store.take(key(token), browser, now).map(p -> read.apply(decode(p))).orElse(null);
  }

  /** Removes and returns an unbound entry of this token; null when unknown, used or expired. */
  public T take(String token, Instant now) {
    return take(token, null, now);
  }

  private String key(String token) {
    return kind + ":" + token;
  }

  /** Each field Base64url (so any character is safe), {@code ~} for null, joined by dots. */
  static String encode(List<String> fields) {
    List<String> parts = new ArrayList<>();
    for (String f : fields) {
      parts.add(
          f == null
              ? "~"
              : Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(f.getBytes(StandardCharsets.UTF_8)));
    }
    return String.join(".", parts);
  }

  static List<String> decode(String payload) {
    List<String> fields = new ArrayList<>();
    for (String part : payload.split("\\.", -1)) {
      fields.add(
          "~".equals(part)
              ? null
              : new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
