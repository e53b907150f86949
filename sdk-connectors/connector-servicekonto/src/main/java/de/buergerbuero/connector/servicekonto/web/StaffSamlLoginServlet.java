package de.buergerbuero.connector.servicekonto.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/**
 * The staff identity source's SAML endpoints ({@link StaffSamlLogin}): {@code /staff/saml/login},
 * {@code /staff/saml/acs}, {@code /staff/saml/metadata}, {@code /staff/saml/logout}, {@code
 * /staff/saml/slo} ({@link SamlServlet}).
 */
@WebServlet(
    urlPatterns = {
      "/staff/saml/login",
      "/staff/saml/acs",
      "/staff/saml/metadata",
      "/staff/saml/logout",
      "/staff/saml/slo"
    })
public class StaffSamlLoginServlet extends SamlServlet {
  private static final long serialVersionUID = 1L;

  @Inject StaffSamlLogin saml;

  @Override
  SamlSource saml() {
    return saml;
  }

  @Override
  String cookieName() {
    return "bb_staff_saml_login";
  }
}
