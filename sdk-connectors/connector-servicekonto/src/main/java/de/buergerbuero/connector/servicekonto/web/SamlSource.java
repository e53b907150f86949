package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.AuthnRequest;
import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.IdpMetadata;
import de.buergerbuero.connector.servicekonto.IdpMetadataSource;
import de.buergerbuero.connector.servicekonto.PendingLogins;
import de.buergerbuero.connector.servicekonto.ReplayCache;
import de.buergerbuero.connector.servicekonto.SamlAssertion;
import de.buergerbuero.connector.servicekonto.SamlException;
import de.buergerbuero.connector.servicekonto.SamlResponseValidator;
import de.buergerbuero.connector.servicekonto.SamlSettings;
import de.buergerbuero.connector.servicekonto.SingleLogout;
import de.buergerbuero.connector.servicekonto.SpCredential;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.spi.guard.ReplayGuard;
import de.buergerbuero.kernel.spi.login.LoginSession;
import de.buergerbuero.kernel.spi.login.LoginsInFlight;
import de.buergerbuero.kernel.spi.login.RealLogin;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * One SAML 2.0 identity source of the portal, configured under its own prefix: the citizens'
 * BundID-style IdP ({@link SamlLogin}, {@code buergerbuero.login.saml.*}, endpoints {@code
 * /saml/*}) or the staff identity source ({@link StaffSamlLogin}, {@code
 * buergerbuero.login.staff.saml.*}, endpoints {@code /staff/saml/*}). Each has its own IdP
 * metadata, SP entity id and keys, logins in flight and session records; what an answer may become
 * is the subclass's ({@link #toCaller}): a citizens' IdP never yields staff (ADR 0018).
 *
 * <p>The IdP metadata is read on first use and refreshed ({@link IdpMetadataSource}: a file or
 * HTTPS), so the server starts while the IdP is down. Encrypted assertions are decrypted with the
 * SP key; single logout runs through {@code <base>/logout} and {@code <base>/slo}. Logins in flight
 * are kept in the database ({@link PendingLogins} on the kernel's {@link LoginsInFlight}), keyed by
 * an unguessable one-time RelayState, not in the HTTP session: the IdP posts the response
 * cross-site, and the SameSite=Strict session cookie does not travel with it; the answer may reach
 * any instance.
 */
abstract class SamlSource implements RealLogin {
  /** A login started here and not yet answered. */
  record Pending(String requestId, String next) {}

  @Inject Config config;
  @Inject Clock clock;
  @Inject SamlSessions sessions;
  @Inject LoginsInFlight logins;

  @Inject ReplayGuard replayGuard;
  private volatile PendingLogins<Pending> pending;
  private volatile PendingLogins<String> logouts;
  private IdpMetadataSource metadata;
  private IdpMetadata settingsFor;
  private SamlSettings settings;

  /** The configuration prefix, e.g. {@code buergerbuero.login.saml.}. */
  abstract String prefix();

  /** The path of the endpoints, e.g. {@code /saml}. */
  abstract String basePath();

  /** The name under which this source's logins in flight and sessions are recorded. */
  abstract String source();

  /** The caller a validated assertion of this source becomes. */
  abstract Caller toCaller(SamlAssertion assertion, BundIdAttributes names);

  /** The least trust level this source asks the IdP for; null for none. */
  TrustLevel minimumTrustLevel() {
    return null;
  }

  private Optional<String> value(String key) {
    return config.getOptionalValue(prefix() + key, String.class).filter(v -> !v.isBlank());
  }

  /** The configured value of {@code <prefix><key>}, or the default. */
  String value(String key, String defaultValue) {
    return value(key).orElse(defaultValue);
  }

  @Override
  public boolean enabled() {
    return Boolean.parseBoolean(value("enabled", "false").strip());
  }

  /** The public base URL of the portal ({@code buergerbuero.public-url}). */
  String publicUrl() {
    return config
        .getOptionalValue("buergerbuero.public-url", String.class)
        .orElse("http://localhost:9080");
  }

  @Override
  public String loginPath() {
    return basePath() + "/login";
  }

  @Override
  public String logoutPath() {
    return basePath() + "/logout";
  }

  private PendingLogins<Pending> pending() {
    if (pending == null) {
      pending =
          new PendingLogins<>(
              logins,
              source(),
              Duration.ofMinutes(15),
              p -> List.of(p.requestId(), p.next()),
              f -> new Pending(f.get(0), f.get(1)));
    }
    return pending;
  }

  private PendingLogins<String> logouts() {
    if (logouts == null) {
      logouts =
          new PendingLogins<>(
              logins, source() + "-logout", Duration.ofMinutes(15), List::of, f -> f.get(0));
    }
    return logouts;
  }

  /** The SP's settings with the current IdP metadata (read on first use, then refreshed). */
  /**
   * Consumed assertion ids in the database, shared by every instance: a response captured and
   * posted to another instance is refused there too.
   */
  private ReplayCache replays() {
    String scope = "saml:" + source();
    return (id, expiresAt, now) -> replayGuard.firstUse(scope, id, expiresAt, now);
  }

  synchronized SamlSettings settings() {
    if (metadata == null) {
      metadata =
          new IdpMetadataSource(
              value("idp-metadata")
                  .orElseThrow(
                      () ->
                          new ConfigurationException(
                              prefix()
                                  + "idp-metadata (file or HTTPS URL of the IdP metadata) is not"
                                  + " set")),
              value("idp-metadata-signing-certificate").map(this::certificate).stream().toList(),
              Duration.parse(value("idp-metadata-refresh", "PT6H")),
              Boolean.parseBoolean(value("idp-metadata-allow-http-loopback", "false").strip()));
    }
    IdpMetadata idp = metadata.metadata(clock.instant());
    if (settings == null || settingsFor != idp) {
      String base = publicUrl().replaceAll("/+$", "");
      String keyAlias = value("sp-key-alias", "sp");
      Optional<String> keystore = value("sp-keystore");
      SpCredential signing = keystore.map(file -> credential(file, keyAlias)).orElse(null);
      SpCredential decryption =
          keystore
              .map(file -> credential(file, value("sp-decryption-key-alias", keyAlias)))
              .orElse(null);
      settings =
          new SamlSettings(
              value("sp-entity-id", base + basePath() + "/metadata"),
              base + basePath() + "/acs",
              idp,
              Duration.ofMinutes(2),
              Duration.ofMinutes(15),
              BundIdAttributes.DEFAULT,
              signing,
              decryption,
              Boolean.parseBoolean(value("require-encrypted-assertions", "true").strip()),
              base + basePath() + "/slo");
      settingsFor = idp;
    }
    return settings;
  }

  private SpCredential credential(String file, String alias) {
    String password =
        value("sp-keystore-password")
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        prefix() + "sp-keystore-password (password of sp-keystore) is not set"));
    return SpCredential.fromPkcs12(Path.of(file), password.toCharArray(), alias);
  }

  private X509Certificate certificate(String file) {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException e) {
      throw new ConfigurationException(
          prefix() + "idp-metadata-signing-certificate is not a readable certificate");
    }
  }

  private static TrustLevel atLeast(TrustLevel requested, TrustLevel minimum) {
    if (requested == null) {
      return minimum;
    }
    return minimum == null || requested.compareTo(minimum) >= 0 ? requested : minimum;
  }

  /** Starts a login: the AuthnRequest redirect, remembering where to return. */
  AuthnRequest start(TrustLevel minimum, String next, String browser) {
    Instant now = clock.instant();
    String relayState = PendingLogins.newToken();
    AuthnRequest request =
        AuthnRequest.create(settings(), atLeast(minimum, minimumTrustLevel()), relayState, now);
    pending().put(relayState, browser, new Pending(request.id(), LoginSession.safeNext(next)), now);
    return request;
  }

  /** A validated login: the caller and where to go. */
  record Completed(Caller caller, String next, String nameId, String sessionIndex) {}

  /** Consumes the IdP's answer; the RelayState is usable once. */
  Completed complete(String samlResponse, String relayState, String browser) {
    Instant now = clock.instant();
    Pending p = pending().take(relayState, browser, now);
    if (p == null) {
      throw new SamlException(
          SamlException.Reason.UNSOLICITED,
          "no login in flight for this RelayState in this browser");
    }
    var assertion =
        new SamlResponseValidator(settings(), replays()).validate(samlResponse, p.requestId(), now);
    return new Completed(
        toCaller(assertion, settings().attributes()),
        p.next(),
        assertion.nameId(),
        assertion.sessionIndex());
  }

  /**
   * Ends the portal session and, when it came from a SAML login and the IdP has a logout endpoint,
   * returns the URL that asks the IdP to end its session too (else null).
   */
  String logout(HttpSession session) {
    if (session == null) {
      return null;
    }
    String nameId = (String) session.getAttribute(SamlSessions.NAME_ID);
    String sessionIndex = (String) session.getAttribute(SamlSessions.SESSION_INDEX);
    boolean ours = source().equals(session.getAttribute(SamlSessions.SOURCE));
    session.invalidate();
    if (nameId == null || !ours || settings().idp().singleLogoutUrl() == null) {
      return null;
    }
    Instant now = clock.instant();
    String relayState = PendingLogins.newToken();
    SingleLogout.Started started =
        new SingleLogout(settings()).request(nameId, sessionIndex, relayState, now);
    logouts().put(relayState, started.requestId(), now);
    return started.redirectUrl();
  }

  /**
   * What the IdP sent to {@code <base>/slo}: for its logout request, the sessions it names end and
   * the URL of the signed answer is returned; for the answer to ours, null when it matches a logout
   * this SP started (else refused).
   */
  String singleLogout(String rawQuery) {
    return singleLogout(slo -> slo.receive(rawQuery, clock.instant()));
  }

  /** The same for the HTTP-POST binding. */
  String singleLogoutPost(String parameter, String message, String relayState) {
    return singleLogout(slo -> slo.receivePost(parameter, message, relayState, clock.instant()));
  }

  private String singleLogout(java.util.function.Function<SingleLogout, Object> receive) {
    Instant now = clock.instant();
    SingleLogout slo = new SingleLogout(settings());
    Object message = receive.apply(slo);
    if (message instanceof SingleLogout.IdpRequest request) {
      sessions.end(source(), request.nameId(), request.sessionIndexes());
      return slo.response(request.id(), request.relayState(), now);
    }
    SingleLogout.IdpResponse response = (SingleLogout.IdpResponse) message;
    String requestId = logouts().take(response.relayState(), now);
    if (requestId == null || !requestId.equals(response.inResponseTo())) {
      throw new SamlException(
          SamlException.Reason.UNSOLICITED, "logout response to no logout of this SP");
    }
    return null;
  }
}
