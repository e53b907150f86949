package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.OidcClient;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.login.LoginsInFlight;
import de.buergerbuero.kernel.spi.login.RealLogin;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * One OpenID Connect identity source, configured under its own prefix: the citizens' provider
 * ({@link OidcLogin}, {@code buergerbuero.login.oidc.*}, {@code /oidc/*}) or the staff identity
 * source ({@link StaffOidcLogin}, {@code buergerbuero.login.staff.oidc.*}, {@code /staff/oidc/*}).
 * The provider's discovery document is read on first use; logins in flight are kept in the database
 * ({@link LoginsInFlight}). What an ID token may become is the subclass's ({@link #callers}): a
 * citizens' provider never yields staff (ADR 0018).
 */
abstract class OidcSource implements RealLogin {
  @Inject Config config;
  @Inject LoginsInFlight logins;

  private volatile OidcClient client;

  /** The configuration prefix, e.g. {@code buergerbuero.login.oidc.}. */
  abstract String prefix();

  /** The path of the endpoints, e.g. {@code /oidc}. */
  abstract String basePath();

  /** The least trust level this source asks the provider for; null for none. */
  de.buergerbuero.kernel.model.TrustLevel minimumTrustLevel() {
    return null;
  }

  /** What a validated ID token becomes. */
  abstract OidcClient.Callers callers(BundIdAttributes claims);

  String value(String key, String defaultValue) {
    return config
        .getOptionalValue(prefix() + key, String.class)
        .filter(v -> !v.isBlank())
        .orElse(defaultValue);
  }

  @Override
  public boolean enabled() {
    return Boolean.parseBoolean(value("enabled", "false").strip());
  }

  @Override
  public String loginPath() {
    return basePath() + "/login";
  }

  /** The public base URL of the portal ({@code buergerbuero.public-url}). */
  String publicUrl() {
    return config
        .getOptionalValue("buergerbuero.public-url", String.class)
        .orElse("http://localhost:9080");
  }

  OidcClient client() {
    OidcClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client =
              OidcClient.discover(
                  require("issuer"),
                  require("client-id"),
                  require("client-secret"),
                  publicUrl().replaceAll("/+$", "") + basePath() + "/callback",
                  BundIdAttributes.OIDC_CLAIMS,
                  logins,
                  callers(BundIdAttributes.OIDC_CLAIMS));
        }
        c = client;
      }
    }
    return c;
  }

  private String require(String key) {
    String v = value(key, null);
    if (v == null) {
      throw new ConfigurationException(prefix() + key + " is not set");
    }
    return v;
  }
}
