package de.buergerbuero.connector.servicekonto.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/**
 * The citizens' SAML endpoints ({@link SamlLogin}): {@code /saml/login}, {@code /saml/acs}, {@code
 * /saml/metadata}, {@code /saml/logout}, {@code /saml/slo} ({@link SamlServlet}).
 */
@WebServlet(
    urlPatterns = {"/saml/login", "/saml/acs", "/saml/metadata", "/saml/logout", "/saml/slo"})
public class SamlLoginServlet extends SamlServlet {
  private static final long serialVersionUID = 1L;

  @Inject SamlLogin saml;

  @Override
  SamlSource saml() {
    return saml;
  }

  @Override
  String cookieName() {
    return "bb_saml_login";
  }
}
