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
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OIDC endpoints of one identity source ({@link OidcSource}) under its base path ({@code /oidc}
 * or {@code /staff/oidc}): {@code GET <base>/login?next=…&trustLevel=…} sends the browser to the
 * provider (limited per client, {@link LoginStartLimit}), {@code GET <base>/callback} exchanges the
 * code and starts a new session. 404 unless the source is enabled.
 */
abstract class OidcServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(OidcServlet.class.getName());

  /** The OIDC source these endpoints serve. */
  abstract OidcSource oidc();

  /** The name of the pre-login cookie. */
  abstract String cookieName();

  @Inject Clock clock;
  @Inject LoginStartLimit limit;

  private PreLoginCookie cookie() {
    return new PreLoginCookie(cookieName(), oidc().basePath() + "/callback", oidc().publicUrl());
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!oidc().enabled()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    if (oidc().loginPath().equals(req.getServletPath())) {
      if (!limit.allow(req)) {
        LoginPages.tooManyStarts(res);
        return;
      }
      try {
        String level = req.getParameter("trustLevel");
        TrustLevel requested =
            level == null || level.isBlank() ? null : TrustLevel.ofEidasLevel(level.strip());
        TrustLevel least = oidc().minimumTrustLevel();
        TrustLevel minimum =
            requested == null || (least != null && requested.compareTo(least) < 0)
                ? least
                : requested;
        OidcClient.Start start =
            oidc()
                .client()
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
          oidc()
              .client()
              .complete(
                  req.getParameter("code"),
                  req.getParameter("state"),
                  cookie().take(req, res),
                  clock.instant());
      LoginPages.loggedIn(req, res, login.caller(), login.next());
    } catch (OidcException | SamlException e) {
      LOG.log(Level.WARNING, "OIDC login refused: " + e.getMessage());
      LoginPages.refused(res, oidc().loginPath());
    }
  }
}
