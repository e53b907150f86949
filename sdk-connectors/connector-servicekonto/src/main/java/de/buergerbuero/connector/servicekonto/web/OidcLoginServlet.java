package de.buergerbuero.connector.servicekonto.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/**
 * The citizens' OIDC endpoints ({@link OidcLogin}): {@code /oidc/login}, {@code /oidc/callback}.
 */
@WebServlet(urlPatterns = {"/oidc/login", "/oidc/callback"})
public class OidcLoginServlet extends OidcServlet {
  private static final long serialVersionUID = 1L;

  @Inject OidcLogin oidc;

  @Override
  OidcSource oidc() {
    return oidc;
  }

  @Override
  String cookieName() {
    return "bb_oidc_login";
  }
}
