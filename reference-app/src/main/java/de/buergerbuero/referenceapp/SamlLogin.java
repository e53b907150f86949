package de.buergerbuero.referenceapp;

import de.buergerbuero.connector.servicekonto.AuthnRequest;
import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.IdpMetadata;
import de.buergerbuero.connector.servicekonto.ReplayCache;
import de.buergerbuero.connector.servicekonto.SamlException;
import de.buergerbuero.connector.servicekonto.SamlResponseValidator;
import de.buergerbuero.connector.servicekonto.SamlSettings;
import de.buergerbuero.connector.servicekonto.ServicekontoLogin;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The real login of the reference app: SAML 2.0 against a BundID-style IdP with {@code
 * connector-servicekonto}. Configured by {@code buergerbuero.login.saml.*}; the IdP metadata is
 * read on first use (a file the operator checked, or the IdP's metadata URL), so the server starts
 * while the IdP is down.
 *
 * <p>Logins in flight are kept here, keyed by an unguessable one-time RelayState, not in the HTTP
 * session: the IdP posts the response cross-site, and the SameSite=Strict session cookie does not
 * travel with it. One instance holds its own logins in flight (sticky sessions for several).
 */
@ApplicationScoped
public class SamlLogin {
  private static final int MAX_PENDING = 100_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A login started here and not yet answered. */
  record Pending(String requestId, String next, Instant expires) {}

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

  @Inject Clock clock;

  private final ReplayCache replays = new ReplayCache();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private volatile SamlSettings settings;

  public boolean enabled() {
    return enabled;
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
                  BundIdAttributes.DEFAULT);
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
    if (pending.size() > MAX_PENDING / 2) {
      pending.values().removeIf(p -> p.expires().isBefore(now));
      if (pending.size() > MAX_PENDING) {
        throw new SamlException(SamlException.Reason.MALFORMED, "too many logins in flight");
      }
    }
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String relayState = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    SamlSettings s = settings();
    AuthnRequest request = AuthnRequest.create(s, minimum, relayState, now);
    pending.put(
        relayState,
        new Pending(request.id(), BrowserSession.safeNext(next), now.plus(s.requestLifetime())));
    return request;
  }

  /** A validated login: the caller and where to go. */
  record Completed(Caller caller, String next) {}

  /** Consumes the IdP's answer; the RelayState is usable once. */
  Completed complete(String samlResponse, String relayState) {
    Instant now = clock.instant();
    Pending p = relayState == null ? null : pending.remove(relayState);
    if (p == null || p.expires().isBefore(now)) {
      throw new SamlException(
          SamlException.Reason.UNSOLICITED, "no login in flight for this RelayState");
    }
    var assertion =
        new SamlResponseValidator(settings(), replays).validate(samlResponse, p.requestId(), now);
    return new Completed(ServicekontoLogin.toCaller(assertion, settings().attributes()), p.next());
  }
}
