package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.AuthnRequest;
import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.IdpMetadata;
import de.buergerbuero.connector.servicekonto.IdpMetadataSource;
import de.buergerbuero.connector.servicekonto.PendingLogins;
import de.buergerbuero.connector.servicekonto.ReplayCache;
import de.buergerbuero.connector.servicekonto.SamlException;
import de.buergerbuero.connector.servicekonto.SamlResponseValidator;
import de.buergerbuero.connector.servicekonto.SamlSettings;
import de.buergerbuero.connector.servicekonto.ServicekontoLogin;
import de.buergerbuero.connector.servicekonto.SingleLogout;
import de.buergerbuero.connector.servicekonto.SpCredential;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.spi.login.LoginSession;
import de.buergerbuero.kernel.spi.login.RealLogin;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The real login of the reference app: SAML 2.0 against a BundID-style IdP with {@code
 * connector-servicekonto}. Configured by {@code buergerbuero.login.saml.*}; the IdP metadata is
 * read on first use and refreshed ({@link IdpMetadataSource}: a file or HTTPS), so the server
 * starts while the IdP is down. Encrypted assertions are decrypted with the SP key; single logout
 * runs through {@code /saml/logout} and {@code /saml/slo}.
 *
 * <p>Logins in flight are kept here ({@link PendingLogins}), keyed by an unguessable one-time
 * RelayState, not in the HTTP session: the IdP posts the response cross-site, and the
 * SameSite=Strict session cookie does not travel with it. One instance holds its own logins in
 * flight (sticky sessions for several).
 */
@ApplicationScoped
public class SamlLogin implements RealLogin {
  /** A login started here and not yet answered. */
  record Pending(String requestId, String next) {}

  @Inject
  @ConfigProperty(name = "buergerbuero.login.saml.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.saml.idp-metadata")
  Optional<String> idpMetadata;

  @Inject
  @ConfigProperty(name = "buergerbuero.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.saml.sp-entity-id")
  Optional<String> spEntityId;

  /** PKCS#12 file with the SP's signing key: AuthnRequests are signed when it is set. */
  @Inject
  @ConfigProperty(name = "buergerbuero.login.saml.sp-keystore")
  Optional<String> spKeystore;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.saml.sp-keystore-password")
  Optional<String> spKeystorePassword;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.saml.sp-key-alias", defaultValue = "sp")
  String spKeyAlias;

  /**
   * Key entry for decrypting assertions in the same keystore; by default the signing key's entry.
   */
  @Inject
  @ConfigProperty(name = "buergerbuero.login.saml.sp-decryption-key-alias")
  Optional<String> spDecryptionKeyAlias;

  /** BundID encrypts every assertion: a plain one is refused unless this is switched off. */
  @Inject
  @ConfigProperty(
      name = "buergerbuero.login.saml.require-encrypted-assertions",
      defaultValue = "true")
  boolean requireEncryptedAssertions;

  /** PEM or DER file with the certificate that signs the IdP metadata (checked when signed). */
  @Inject
  @ConfigProperty(name = "buergerbuero.login.saml.idp-metadata-signing-certificate")
  Optional<String> idpMetadataSigningCertificate;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.saml.idp-metadata-refresh", defaultValue = "PT6H")
  String idpMetadataRefresh;

  /** Plain-HTTP metadata from a loopback address (a test IdP on the same machine) only. */
  @Inject
  @ConfigProperty(
      name = "buergerbuero.login.saml.idp-metadata-allow-http-loopback",
      defaultValue = "false")
  boolean allowHttpLoopback;

  @Inject Clock clock;
  @Inject SamlSessions sessions;

  private final ReplayCache replays = new ReplayCache();
  private final PendingLogins<Pending> pending = new PendingLogins<>(Duration.ofMinutes(15));
  private final PendingLogins<String> logouts = new PendingLogins<>(Duration.ofMinutes(15));
  private IdpMetadataSource metadata;
  private IdpMetadata settingsFor;
  private SamlSettings settings;

  @Override
  public boolean enabled() {
    return enabled;
  }

  /**
   * The public base URL. A method, not the field: the servlets hold a client proxy of this
   * normal-scoped bean, whose own fields are never injected.
   */
  String publicUrl() {
    return publicUrl;
  }

  @Override
  public String loginPath() {
    return "/saml/login";
  }

  @Override
  public String logoutPath() {
    return "/saml/logout";
  }

  @Override
  public String label() {
    return "Mit BundID / Mein Unternehmenskonto anmelden (SAML)";
  }

  /** The SP's settings with the current IdP metadata (read on first use, then refreshed). */
  synchronized SamlSettings settings() {
    if (metadata == null) {
      metadata =
          new IdpMetadataSource(
              idpMetadata.orElseThrow(
                  () ->
                      new ConfigurationException(
                          "buergerbuero.login.saml.idp-metadata (file or HTTPS URL of the IdP"
                              + " metadata) is not set")),
              idpMetadataSigningCertificate.map(SamlLogin::certificate).stream().toList(),
              Duration.parse(idpMetadataRefresh),
              allowHttpLoopback);
    }
    IdpMetadata idp = metadata.metadata(clock.instant());
    if (settings == null || settingsFor != idp) {
      String base = publicUrl.replaceAll("/+$", "");
      SpCredential signing = spKeystore.map(file -> credential(file, spKeyAlias)).orElse(null);
      SpCredential decryption =
          spKeystore
              .map(file -> credential(file, spDecryptionKeyAlias.orElse(spKeyAlias)))
              .orElse(null);
      settings =
          new SamlSettings(
              spEntityId.orElse(base + "/saml/metadata"),
              base + "/saml/acs",
              idp,
              Duration.ofMinutes(2),
              Duration.ofMinutes(15),
              BundIdAttributes.DEFAULT,
              signing,
              decryption,
              requireEncryptedAssertions,
              base + "/saml/slo");
      settingsFor = idp;
    }
    return settings;
  }

  private SpCredential credential(String file, String alias) {
    return SpCredential.fromPkcs12(
        Path.of(file), spKeystorePassword.orElse("").toCharArray(), alias);
  }

  private static X509Certificate certificate(String file) {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException e) {
      throw new ConfigurationException(
          "buergerbuero.login.saml.idp-metadata-signing-certificate is not a readable certificate");
    }
  }

  /** Starts a login: the AuthnRequest redirect, remembering where to return. */
  AuthnRequest start(TrustLevel minimum, String next, String browser) {
    Instant now = clock.instant();
    String relayState = PendingLogins.newToken();
    AuthnRequest request = AuthnRequest.create(settings(), minimum, relayState, now);
    pending.put(relayState, browser, new Pending(request.id(), LoginSession.safeNext(next)), now);
    return request;
  }

  /** A validated login: the caller and where to go. */
  record Completed(Caller caller, String next, String nameId, String sessionIndex) {}

  /** Consumes the IdP's answer; the RelayState is usable once. */
  Completed complete(String samlResponse, String relayState, String browser) {
    Instant now = clock.instant();
    Pending p = pending.take(relayState, browser, now);
    if (p == null) {
      throw new SamlException(
          SamlException.Reason.UNSOLICITED,
          "no login in flight for this RelayState in this browser");
    }
    var assertion =
        new SamlResponseValidator(settings(), replays).validate(samlResponse, p.requestId(), now);
    return new Completed(
        ServicekontoLogin.toCaller(assertion, settings().attributes()),
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
    session.invalidate();
    if (nameId == null || settings().idp().singleLogoutUrl() == null) {
      return null;
    }
    Instant now = clock.instant();
    String relayState = PendingLogins.newToken();
    SingleLogout.Started started =
        new SingleLogout(settings()).request(nameId, sessionIndex, relayState, now);
    logouts.put(relayState, started.requestId(), now);
    return started.redirectUrl();
  }

  /**
   * What the IdP sent to {@code /saml/slo}: for its logout request, the sessions it names end and
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
      sessions.end(request.nameId(), request.sessionIndexes());
      return slo.response(request.id(), request.relayState(), now);
    }
    SingleLogout.IdpResponse response = (SingleLogout.IdpResponse) message;
    String requestId = logouts.take(response.relayState(), now);
    if (requestId == null || !requestId.equals(response.inResponseTo())) {
      throw new SamlException(
          SamlException.Reason.UNSOLICITED, "logout response to no logout of this SP");
    }
    return null;
  }
}
