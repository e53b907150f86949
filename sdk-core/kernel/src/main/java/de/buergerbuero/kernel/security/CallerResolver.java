package de.buergerbuero.kernel.security;

/**
 * The seam between login and business code: tells who the current caller is. Exactly one
 * implementation is active in an application (development login, SAML/BundID, OIDC, …); it is
 * registered as a CDI bean by the application.
 */
public interface CallerResolver {

  /** The caller of the current request; {@link Caller.Anonymous} when nobody is logged in. */
  Caller current();

  /**
   * The {@code WWW-Authenticate} value to send with a 401, when the login mechanism uses one (e.g.
   * {@code Basic realm="Bürgerbüro"}); empty for redirect-based logins.
   */
  default java.util.Optional<String> authenticationChallenge() {
    return java.util.Optional.empty();
  }
}
