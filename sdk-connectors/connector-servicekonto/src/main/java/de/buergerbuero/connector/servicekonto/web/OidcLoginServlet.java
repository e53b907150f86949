package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.OidcClient;
import de.buergerbuero.connector.servicekonto.OidcException;
import de.buergerbuero.connector.servicekonto.SamlException;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.spi.login.LoginPages;
import de.buergerbuero.kernel.spi.login.LoginSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OIDC endpoints of the real login: {@code GET /oidc/login?next=…&trustLevel=…} sends the
 * browser to the provider, {@code GET /oidc/callback} exchanges the code and starts a new session.
 * 404 unless {@code buergerbuero.login.oidc.enabled=true}.
 */
@WebServlet(urlPatterns = {"/oidc/login", "/oidc/callback"})
public class OidcLoginServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(OidcLoginServlet.class.getName());

  @Inject OidcLogin oidc;
  @Inject Clock clock;
  @Inject LoginStartLimit limit;

  private PreLoginCookie cookie() {
    return new PreLoginCookie("bb_oidc_login", "/oidc/callback", oidc.publicUrl());
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!oidc.enabled()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    if ("/oidc/login".equals(req.getServletPath())) {
      if (!limit.allow(req)) {
        LoginPages.tooManyStarts(res);
        return;
      }
      try {
        String level = req.getParameter("trustLevel");
        TrustLevel minimum =
            level == null || level.isBlank() ? null : TrustLevel.ofEidasLevel(level.strip());
        OidcClient.Start start =
            oidc.client()
                .start(
                    minimum,
                    LoginSession.safeNext(req.getParameter("next")),
                    cookie().issue(res),
                    clock.instant());
        res.sendRedirect(start.redirectUrl());
      } catch (OidcException e) {
        LOG.log(Level.WARNING, "OIDC login not possible: " + e.getMessage());
        LoginPages.unavailable(res);
      } catch (ConfigurationException e) {
        LOG.log(Level.WARNING, "OIDC login not configured: " + e.getMessage());
        LoginPages.unavailable(res);
      } catch (InvalidInputException e) {
        LoginPages.invalid(res);
      }
      return;
    }
    try {
      if (req.getParameter("error") != null) {
        throw new OidcException("provider answered an error");
      }
      OidcClient.Completed login =
          oidc.client()
              .complete(
                  req.getParameter("code"),
                  req.getParameter("state"),
                  cookie().take(req, res),
                  clock.instant());
      LoginPages.loggedIn(req, res, login.caller(), login.next());
    } catch (OidcException | SamlException e) {
      LOG.log(Level.WARNING, "OIDC login refused: " + e.getMessage());
      LoginPages.refused(res, "/oidc/login");
    }
  }
}
