package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.OidcClient;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.login.LoginsInFlight;
import de.buergerbuero.kernel.spi.login.RealLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The second real login: OpenID Connect, for towns that broker BundID through Keycloak ({@code
 * buergerbuero.login.oidc.*}). The provider's discovery document is read on first use.
 */
@ApplicationScoped
public class OidcLogin implements RealLogin {
  @Inject
  @ConfigProperty(name = "buergerbuero.login.oidc.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.oidc.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.oidc.client-id")
  Optional<String> clientId;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.oidc.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "buergerbuero.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Inject LoginsInFlight logins;

  private volatile OidcClient client;

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
    return "/oidc/login";
  }

  @Override
  public String label() {
    return "Über den Anmeldedienst der Stadt anmelden (OpenID Connect)";
  }

  OidcClient client() {
    OidcClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client =
              OidcClient.discover(
                  require(issuer, "issuer"),
                  require(clientId, "client-id"),
                  require(clientSecret, "client-secret"),
                  publicUrl.replaceAll("/+$", "") + "/oidc/callback",
                  BundIdAttributes.OIDC_CLAIMS,
                  logins);
        }
        c = client;
      }
    }
    return c;
  }

  private static String require(Optional<String> value, String key) {
    return value.orElseThrow(
        () -> new ConfigurationException("buergerbuero.login.oidc." + key + " is not set"));
  }
}
