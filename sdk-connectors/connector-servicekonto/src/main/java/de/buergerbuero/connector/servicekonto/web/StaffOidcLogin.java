package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.OidcClient;
import de.buergerbuero.connector.servicekonto.ServicekontoLogin;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.model.TrustLevel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The staff identity source over OpenID Connect (ADR 0018): the town's own provider or a client of
 * its own, {@code buergerbuero.login.staff.oidc.*} ({@code enabled}, {@code issuer}, {@code
 * client-id}, {@code client-secret}, {@code minimum-trust-level}, default {@code substantial}),
 * endpoints {@code /staff/oidc/login} and {@code /staff/oidc/callback}. Only its ID tokens become
 * clerks or admins: a {@code staff_role} claim is required, and the trust level ({@code acr} or
 * {@code trust_level}) must reach the minimum.
 */
@ApplicationScoped
public class StaffOidcLogin extends OidcSource {
  @Override
  String prefix() {
    return "buergerbuero.login.staff.oidc.";
  }

  @Override
  String basePath() {
    return "/staff/oidc";
  }

  @Override
  TrustLevel minimumTrustLevel() {
    String level = value("minimum-trust-level", "substantial");
    try {
      return TrustLevel.ofEidasLevel(level);
    } catch (InvalidInputException e) {
      throw new ConfigurationException(
          prefix() + "minimum-trust-level must be low, substantial or high, not " + level);
    }
  }

  @Override
  OidcClient.Callers callers(BundIdAttributes claims) {
    TrustLevel minimum = minimumTrustLevel();
    return (values, acr, subject) ->
        ServicekontoLogin.toStaffCaller(values, acr, subject, claims, minimum);
  }

  @Override
  public String label() {
    return "Anmeldung für Beschäftigte der Stadt (OpenID Connect)";
  }
}
