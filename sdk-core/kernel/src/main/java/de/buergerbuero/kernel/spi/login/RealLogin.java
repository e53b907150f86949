package de.buergerbuero.kernel.spi.login;

/**
 * A real login that a connector contributes (SAML and OIDC in {@code connector-servicekonto}, or a
 * town's own). Implement it as an {@code @ApplicationScoped} CDI bean in the connector's jar; the
 * web front end ({@code buergerbuero-web}) finds every bean of this type, and its session endpoint
 * and the development login page link to the {@linkplain #enabled() enabled} ones.
 *
 * <p>The connector also serves the endpoints behind {@link #loginPath()} itself (a servlet or
 * JAX-RS resource in its jar). The start path must accept two query parameters:
 *
 * <ul>
 *   <li>{@code next}: the same-site path to return to after the login; pass it through {@link
 *       LoginSession#safeNext(String)} before keeping it;
 *   <li>{@code trustLevel}: an eIDAS level ({@code low}, {@code substantial}, {@code high}) the
 *       identity provider must reach at least (step-up after 403 {@code BB-1010}).
 * </ul>
 *
 * When the identity provider sends the browser back, the connector validates the answer, maps it to
 * a kernel {@link de.buergerbuero.kernel.security.Caller} and hands it over with {@link
 * LoginPages#loggedIn}; failures answer with {@link LoginPages#refused}, {@link
 * LoginPages#unavailable} or {@link LoginPages#invalid}.
 */
public interface RealLogin {
  /**
   * Whether this login is switched on by configuration. A disabled login is not linked, and its
   * endpoints should answer 404.
   */
  boolean enabled();

  /** The start path, relative to the application's context root, e.g. {@code /saml/login}. */
  String loginPath();

  /** The link text shown to the citizen, German (the front end's language). */
  String label();

  /**
   * The path that ends the portal session <em>and</em> the session at the identity provider (single
   * logout), or {@code null} when this login has none; the front end's logout should send a caller
   * who logged in through this login there instead of only ending the portal session.
   */
  default String logoutPath() {
    return null;
  }
}
