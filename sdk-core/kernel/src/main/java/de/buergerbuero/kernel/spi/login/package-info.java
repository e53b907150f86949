/**
 * The login SPI: how a login connector (BundID via SAML, OIDC, a town's own identity provider)
 * plugs into an SDK application without depending on any core module.
 *
 * <p>A login connector provides
 *
 * <ol>
 *   <li>a CDI bean implementing {@link de.buergerbuero.kernel.spi.login.RealLogin}, so the front
 *       end links to it;
 *   <li>its own endpoints: a start path (accepting {@code next} and {@code trustLevel}) that sends
 *       the browser to the identity provider, and a return path that validates the answer;
 *   <li>the mapping of a validated answer to a kernel {@link
 *       de.buergerbuero.kernel.security.Caller} ({@code ApplicantCaller} with a pseudonymous
 *       subject and a trust level, or {@code StaffCaller}).
 * </ol>
 *
 * On success it calls {@link de.buergerbuero.kernel.spi.login.LoginPages#loggedIn}, which renews
 * the HTTP session, stores the caller under {@link
 * de.buergerbuero.kernel.spi.login.LoginSession#CALLER} (where {@code buergerbuero-web}'s caller
 * resolver and CSRF filter look) and continues to the safe {@code next} path. The connector keeps
 * logins in flight keyed by a one-time state, not in the HTTP session — the identity provider's
 * answer arrives cross-site without the SameSite=Strict session cookie, and maybe at another
 * instance — in the kernel's {@link de.buergerbuero.kernel.spi.login.LoginsInFlight} (the
 * database). {@link de.buergerbuero.kernel.spi.login.FederatedSessions} lets an identity provider's
 * logout end sessions on every instance; {@link de.buergerbuero.kernel.http.ClientAddress} and
 * {@link de.buergerbuero.kernel.spi.guard.ClientLimits} limit login starts per client across
 * instances ({@link de.buergerbuero.kernel.spi.login.LoginPages#tooManyStarts}), and {@link
 * de.buergerbuero.kernel.spi.guard.ReplayGuard} refuses a consumed assertion on every instance.
 */
package de.buergerbuero.kernel.spi.login;
