package de.buergerbuero.kernel.spi.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a login connector keeps its logins in flight: what it needs to finish a login (request id,
 * nonce, PKCE verifier, where to return) under the one-time token it gave the identity provider
 * (SAML RelayState, OIDC state), bound to the browser that started it (the value of a short-lived
 * pre-login cookie). The identity provider sends the browser back cross-site, without the
 * SameSite=Strict session cookie, and possibly to another instance: so the token, not the HTTP
 * session, finds the login, and the store is shared by every instance.
 *
 * <p>The kernel's implementation is {@link DatabaseLoginsInFlight} (the SDK's database, expired
 * entries deleted); {@link InMemoryLoginsInFlight} is for tests. Implementations keep only hashes
 * of the token and of the browser value.
 */
public interface LoginsInFlight {
  /**
   * Keeps a login in flight.
   *
   * @param token the one-time token (at least 128 random bits), unique per login
   * @param browser the pre-login cookie's value, or {@code null} for an entry bound to no browser
   *     (e.g. a logout this service provider started)
   * @param payload what the login needs to finish; at most 2000 characters
   * @param now the current time
   * @param lifetime how long the entry may be taken
   */
  void put(String token, String browser, String payload, Instant now, Duration lifetime);

  /**
   * Removes the entry of {@code token} and returns its payload when it has not expired and the same
   * browser brings it back (its {@code browser} value has the hash the entry was put with, compared
   * in constant time; an entry put without a browser needs none). The entry is consumed either way,
   * so a token works once, on whichever instance it arrives first; empty when unknown, used,
   * expired or brought by another browser.
   */
  Optional<String> take(String token, String browser, Instant now);
}
