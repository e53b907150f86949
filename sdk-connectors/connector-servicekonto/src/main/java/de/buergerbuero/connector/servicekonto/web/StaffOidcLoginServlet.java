package de.buergerbuero.connector.servicekonto.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/**
 * The staff identity source's OIDC endpoints ({@link StaffOidcLogin}): {@code /staff/oidc/login},
 * {@code /staff/oidc/callback}.
 */
@WebServlet(urlPatterns = {"/staff/oidc/login", "/staff/oidc/callback"})
public class StaffOidcLoginServlet extends OidcServlet {
  private static final long serialVersionUID = 1L;

  @Inject StaffOidcLogin oidc;

  @Override
  OidcSource oidc() {
    return oidc;
  }

  @Override
  String cookieName() {
    return "bb_staff_oidc_login";
  }
}
