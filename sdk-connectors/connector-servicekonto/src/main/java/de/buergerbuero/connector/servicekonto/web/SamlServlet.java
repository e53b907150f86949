package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.AuthnRequest;
import de.buergerbuero.connector.servicekonto.SamlException;
import de.buergerbuero.connector.servicekonto.ServiceProviderMetadata;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.spi.login.LoginPages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SAML endpoints of one identity source ({@link SamlSource}), under its base path ({@code
 * /saml} or {@code /staff/saml}): {@code GET <base>/login?next=…&trustLevel=…} sends the browser to
 * the IdP (asking for at least that trust level: step-up; limited per client, {@link
 * LoginStartLimit}), {@code POST <base>/acs} consumes the answer and starts a new session, {@code
 * GET <base>/metadata} shows the SP metadata for registering at the IdP, {@code GET|POST
 * <base>/logout} ends the session here and at the IdP (single logout), {@code GET|POST <base>/slo}
 * receives the IdP's logout request or answer. All answer 404 unless the source is enabled. A
 * refused answer is logged with its reason only — never with attribute values.
 */
abstract class SamlServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SamlServlet.class.getName());

  @Inject SamlSessions sessions;
  @Inject LoginStartLimit limit;

  /** The SAML source these endpoints serve. */
  abstract SamlSource saml();

  /** The name of the pre-login cookie. */
  abstract String cookieName();

  private PreLoginCookie cookie() {
    return new PreLoginCookie(cookieName(), saml().basePath() + "/acs", saml().publicUrl());
  }

  /** The endpoint's own part of the path: {@code /login}, {@code /acs}, … */
  private String endpoint(HttpServletRequest req) {
    String path = req.getServletPath();
    String base = saml().basePath();
    return path.startsWith(base) ? path.substring(base.length()) : path;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!saml().enabled()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    try {
      switch (endpoint(req)) {
        case "/metadata" -> {
          res.setContentType("application/samlmetadata+xml;charset=UTF-8");
          res.getWriter().write(ServiceProviderMetadata.xml(saml().settings()));
        }
        case "/login" -> {
          if (!limit.allow(req)) {
            LoginPages.tooManyStarts(res);
            return;
          }
          String level = req.getParameter("trustLevel");
          TrustLevel minimum =
              level == null || level.isBlank() ? null : TrustLevel.ofEidasLevel(level.strip());
          AuthnRequest request =
              saml().start(minimum, req.getParameter("next"), cookie().issue(res));
          res.sendRedirect(request.redirectUrl());
        }
        case "/logout" -> logout(req, res);
        case "/slo" -> {
          String answer = saml().singleLogout(req.getQueryString());
          if (answer != null) {
            res.sendRedirect(answer);
          } else {
            LoginPages.loggedOut(res);
          }
        }
        default -> res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      }
    } catch (SamlException e) {
      if ("/slo".equals(endpoint(req))) {
        LOG.log(Level.WARNING, "SAML logout message refused: " + e.reason());
        LoginPages.refused(res, null);
        return;
      }
      LOG.log(Level.WARNING, "SAML login not possible: " + e.getMessage());
      LoginPages.unavailable(res);
    } catch (ConfigurationException e) {
      LOG.log(Level.WARNING, "SAML login not configured: " + e.getMessage());
      LoginPages.unavailable(res);
    } catch (InvalidInputException e) {
      LoginPages.invalid(res);
    }
  }

  private void logout(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String idp = saml().logout(req.getSession(false));
    if (idp != null) {
      res.sendRedirect(idp);
    } else {
      LoginPages.loggedOut(res);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (saml().enabled() && "/logout".equals(endpoint(req))) {
      res.setHeader("Cache-Control", "no-store");
      try {
        logout(req, res);
      } catch (SamlException e) {
        LOG.log(Level.WARNING, "SAML logout at the IdP not possible: " + e.reason());
        LoginPages.loggedOut(res);
      }
      return;
    }
    if (saml().enabled() && "/slo".equals(endpoint(req))) {
      res.setHeader("Cache-Control", "no-store");
      try {
        String parameter = req.getParameter("SAMLRequest") != null ? "SAMLRequest" : "SAMLResponse";
        String answer =
            saml()
                .singleLogoutPost(
                    parameter, req.getParameter(parameter), req.getParameter("RelayState"));
        if (answer != null) {
          res.sendRedirect(answer);
        } else {
          LoginPages.loggedOut(res);
        }
      } catch (SamlException e) {
        LOG.log(Level.WARNING, "SAML logout message refused: " + e.reason());
        LoginPages.refused(res, null);
      }
      return;
    }
    if (!saml().enabled() || !"/acs".equals(endpoint(req))) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    SamlLogin.Completed login;
    try {
      login =
          saml()
              .complete(
                  req.getParameter("SAMLResponse"),
                  req.getParameter("RelayState"),
                  cookie().take(req, res));
    } catch (SamlException e) {
      LOG.log(Level.WARNING, "SAML response refused: " + e.reason());
      LoginPages.refused(res, saml().loginPath());
      return;
    }
    LoginPages.loggedIn(req, res, login.caller(), login.next());
    sessions.register(req.getSession(false), saml().source(), login.nameId(), login.sessionIndex());
  }
}
