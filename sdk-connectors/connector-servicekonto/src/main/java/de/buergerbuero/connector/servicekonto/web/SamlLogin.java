package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.AuthnRequest;
import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.IdpMetadata;
import de.buergerbuero.connector.servicekonto.PendingLogins;
import de.buergerbuero.connector.servicekonto.ReplayCache;
import de.buergerbuero.connector.servicekonto.SamlException;
import de.buergerbuero.connector.servicekonto.SamlResponseValidator;
import de.buergerbuero.connector.servicekonto.SamlSettings;
import de.buergerbuero.connector.servicekonto.ServicekontoLogin;
import de.buergerbuero.connector.servicekonto.SpCredential;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.spi.login.LoginSession;
import de.buergerbuero.kernel.spi.login.RealLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The real login of the reference app: SAML 2.0 against a BundID-style IdP with {@code
 * connector-servicekonto}. Configured by {@code buergerbuero.login.saml.*}; the IdP metadata is
 * read on first use (a file the operator checked, or the IdP's metadata URL), so the server starts
 * while the IdP is down.
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

  @Inject Clock clock;

  private final ReplayCache replays = new ReplayCache();
  private final PendingLogins<Pending> pending = new PendingLogins<>(Duration.ofMinutes(15));
  private volatile SamlSettings settings;

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public String loginPath() {
    return "/saml/login";
  }

  @Override
  public String label() {
    return "Mit BundID / Mein Unternehmenskonto anmelden (SAML)";
  }

  /** The SP's settings; the IdP metadata is loaded once, on first use. */
  SamlSettings settings() {
    SamlSettings s = settings;
    if (s == null) {
      synchronized (this) {
        if (settings == null) {
          String base = publicUrl.replaceAll("/+$", "");
          settings =
              new SamlSettings(
                  spEntityId.orElse(base + "/saml/metadata"),
                  base + "/saml/acs",
                  IdpMetadata.parse(metadataBytes()),
                  Duration.ofMinutes(2),
                  Duration.ofMinutes(15),
                  BundIdAttributes.DEFAULT,
                  spKeystore
                      .map(
                          file ->
                              SpCredential.fromPkcs12(
                                  Path.of(file),
                                  spKeystorePassword.orElse("").toCharArray(),
                                  spKeyAlias))
                      .orElse(null));
        }
        s = settings;
      }
    }
    return s;
  }

  private byte[] metadataBytes() {
    String location =
        idpMetadata.orElseThrow(
            () ->
                new ConfigurationException(
                    "buergerbuero.login.saml.idp-metadata (file or URL of the IdP metadata)"
                        + " is not set"));
    try {
      if (location.startsWith("http://") || location.startsWith("https://")) {
        HttpResponse<byte[]> r =
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .build()
                .send(
                    HttpRequest.newBuilder(URI.create(location))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
          throw new SamlException(
              SamlException.Reason.METADATA, "IdP metadata answered " + r.statusCode());
        }
        return r.body();
      }
      return Files.readAllBytes(Path.of(location));
    } catch (IOException e) {
      throw new SamlException(SamlException.Reason.METADATA, "IdP metadata not readable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SamlException(SamlException.Reason.METADATA, "interrupted", e);
    }
  }

  /** Starts a login: the AuthnRequest redirect, remembering where to return. */
  AuthnRequest start(TrustLevel minimum, String next) {
    Instant now = clock.instant();
    String relayState = PendingLogins.newToken();
    AuthnRequest request = AuthnRequest.create(settings(), minimum, relayState, now);
    pending.put(relayState, new Pending(request.id(), LoginSession.safeNext(next)), now);
    return request;
  }

  /** A validated login: the caller and where to go. */
  record Completed(Caller caller, String next) {}

  /** Consumes the IdP's answer; the RelayState is usable once. */
  Completed complete(String samlResponse, String relayState) {
    Instant now = clock.instant();
    Pending p = pending.take(relayState, now);
    if (p == null) {
      throw new SamlException(
          SamlException.Reason.UNSOLICITED, "no login in flight for this RelayState");
    }
    var assertion =
        new SamlResponseValidator(settings(), replays).validate(samlResponse, p.requestId(), now);
    return new Completed(ServicekontoLogin.toCaller(assertion, settings().attributes()), p.next());
  }
}
