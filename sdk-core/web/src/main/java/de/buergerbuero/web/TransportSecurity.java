package de.buergerbuero.web;

import jakarta.servlet.ServletContext;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Cookie Secure flag and HSTS. Behind a TLS-terminating proxy the server itself sees plain HTTP, so
 * both follow the public URL ({@code buergerbuero.public-url} with {@code https://}) rather than
 * the request; {@code buergerbuero.security.secure-cookies} and {@code
 * buergerbuero.security.hsts-max-age} (seconds, 0 = no header) set them explicitly.
 */
public record TransportSecurity(boolean secureCookies, long hstsMaxAge) {
  static final long DEFAULT_HSTS_MAX_AGE = 31_536_000L;

  static TransportSecurity of(
      Optional<String> publicUrl, Optional<Boolean> secureCookies, Optional<Long> hstsMaxAge) {
    boolean https =
        publicUrl.map(u -> u.strip().regionMatches(true, 0, "https://", 0, 8)).orElse(false);
    return new TransportSecurity(
        secureCookies.orElse(https), hstsMaxAge.orElse(https ? DEFAULT_HSTS_MAX_AGE : 0L));
  }

  /** From the application's MicroProfile Config. */
  static TransportSecurity of(Config config) {
    return of(
        config.getOptionalValue("buergerbuero.public-url", String.class),
        config.getOptionalValue("buergerbuero.security.secure-cookies", Boolean.class),
        config.getOptionalValue("buergerbuero.security.hsts-max-age", Long.class));
  }

  /** The {@code Strict-Transport-Security} value, if any. */
  Optional<String> hstsHeader() {
    return hstsMaxAge > 0
        ? Optional.of("max-age=" + hstsMaxAge + "; includeSubDomains")
        : Optional.empty();
  }

  /** Marks the HTTP session cookie Secure (while the application starts). */
  void configure(ServletContext context) {
    if (secureCookies) {
      context.getSessionCookieConfig().setSecure(true);
    }
  }
}
