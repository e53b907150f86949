package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.SamlAssertion;
import de.buergerbuero.connector.servicekonto.ServicekontoLogin;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The staff identity source (issue 14 item 9, ADR 0018): a SAML 2.0 IdP of the town — its own
 * Keycloak realm, AD FS, or a client of its own at a broker — configured apart from the citizens'
 * IdP under {@code buergerbuero.login.staff.saml.*} (same keys as {@code
 * buergerbuero.login.saml.*}, plus {@code minimum-trust-level}, default {@code substantial}),
 * endpoints {@code /staff/saml/*}. Only its answers become clerks or admins: a staff role is
 * required, and the trust level must reach the minimum. Off unless {@code
 * buergerbuero.login.staff.saml.enabled=true}.
 */
@ApplicationScoped
public class StaffSamlLogin extends SamlSource {
  @Override
  String prefix() {
    return "buergerbuero.login.staff.saml.";
  }

  @Override
  String basePath() {
    return "/staff/saml";
  }

  @Override
  String source() {
    return "staff-saml";
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
  Caller toCaller(SamlAssertion assertion, BundIdAttributes names) {
    return ServicekontoLogin.toStaffCaller(assertion, names, minimumTrustLevel());
  }

  @Override
  public String label() {
    return "Anmeldung für Beschäftigte der Stadt (SAML)";
  }
}
