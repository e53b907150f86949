package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.BundIdAttributes;
import de.buergerbuero.connector.servicekonto.SamlAssertion;
import de.buergerbuero.connector.servicekonto.ServicekontoLogin;
import de.buergerbuero.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The citizens' and companies' login: SAML 2.0 against a BundID-style IdP ({@code
 * buergerbuero.login.saml.*}, endpoints {@code /saml/*}). Its answers become applicants only — a
 * staff role attribute in them is ignored (issue 14 item 9, ADR 0018); staff log in through {@link
 * StaffSamlLogin}.
 */
@ApplicationScoped
public class SamlLogin extends SamlSource {
  @Override
  String prefix() {
    return "buergerbuero.login.saml.";
  }

  @Override
  String basePath() {
    return "/saml";
  }

  @Override
  String source() {
    return "saml";
  }

  @Override
  Caller toCaller(SamlAssertion assertion, BundIdAttributes names) {
    return ServicekontoLogin.toCaller(assertion, names);
  }

  @Override
  public String label() {
    return "Mit BundID / Mein Unternehmenskonto anmelden (SAML)";
  }
}
