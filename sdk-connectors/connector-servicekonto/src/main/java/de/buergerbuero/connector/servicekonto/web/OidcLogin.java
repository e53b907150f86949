package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.OidcClient;
import de.buergerbuero.connector.servicekonto.ServicekontoLogin;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The second real login: OpenID Connect, for towns that broker BundID through Keycloak ({@code
 * buergerbuero.login.oidc.*}, {@code /oidc/*}). Its ID tokens become applicants only; staff claims
 * are ignored (ADR 0018).
 */
@ApplicationScoped
public class OidcLogin extends OidcSource {
  @Override
  String prefix() {
    return "buergerbuero.login.oidc.";
  }

  @Override
  String basePath() {
    return "/oidc";
  }

  @Override
  OidcClient.Callers callers(BundIdAttributes claims) {
    return (values, acr, subject) -> ServicekontoLogin.toCaller(values, acr, subject, claims);
  }

  @Override
  public String label() {
    return "Über den Anmeldedienst der Stadt anmelden (OpenID Connect)";
  }
}
