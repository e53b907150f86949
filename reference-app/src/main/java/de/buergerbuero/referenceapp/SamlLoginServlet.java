package de.buergerbuero.referenceapp;

import de.buergerbuero.connector.servicekonto.AuthnRequest;
import de.buergerbuero.connector.servicekonto.SamlException;
import de.buergerbuero.connector.servicekonto.ServiceProviderMetadata;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.web.HtmlPage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SAML endpoints of the real login: {@code GET /saml/login?next=…&trustLevel=…} sends the
 * browser to the IdP (asking for at least that trust level: step-up), {@code POST /saml/acs}
 * consumes the answer and starts a new session, {@code GET /saml/metadata} shows the SP metadata
 * for registering at the IdP. All answer 404 unless {@code buergerbuero.login.saml.enabled=true}. A
 * refused answer is logged with its reason only — never with attribute values.
 */
@WebServlet(urlPatterns = {"/saml/login", "/saml/acs", "/saml/metadata"})
public class SamlLoginServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SamlLoginServlet.class.getName());

  @Inject SamlLogin saml;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!saml.enabled()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    try {
      switch (req.getServletPath()) {
        case "/saml/metadata" -> {
          res.setContentType("application/samlmetadata+xml;charset=UTF-8");
          res.getWriter().write(ServiceProviderMetadata.xml(saml.settings()));
        }
        case "/saml/login" -> {
          String level = req.getParameter("trustLevel");
          TrustLevel minimum =
              level == null || level.isBlank() ? null : TrustLevel.ofEidasLevel(level.strip());
          AuthnRequest request = saml.start(minimum, req.getParameter("next"));
          res.sendRedirect(request.redirectUrl());
        }
        default -> res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      }
    } catch (SamlException e) {
      LOG.log(Level.WARNING, "SAML login not possible: " + e.getMessage());
      page(
          res,
          503,
          "Die Anmeldung ist zurzeit nicht möglich.",
          "Login is not possible right now.",
          null);
    } catch (RuntimeException e) {
      page(res, 400, "Ungültige Anfrage.", "Invalid request.", null);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!saml.enabled() || !"/saml/acs".equals(req.getServletPath())) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    SamlLogin.Completed login;
    try {
      login = saml.complete(req.getParameter("SAMLResponse"), req.getParameter("RelayState"));
    } catch (SamlException e) {
      LOG.log(Level.WARNING, "SAML response refused: " + e.reason());
      page(
          res,
          HttpServletResponse.SC_UNAUTHORIZED,
          "Die Anmeldung wurde abgelehnt (BB-1014). Bitte melden Sie sich erneut an.",
          "The login was refused (BB-1014). Please log in again.",
          "/saml/login");
      return;
    }
    HttpSession session = BrowserSession.renew(req);
    session.setAttribute(BrowserSession.LOGIN, login.caller());
    // a page, not a redirect: the SameSite=Strict session cookie travels only with a navigation
    // that starts on this site, and the IdP's POST did not
    res.setStatus(HttpServletResponse.SC_OK);
    res.setContentType("text/html;charset=UTF-8");
    String next = HtmlPage.escape(login.next());
    res.getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url="
                + next
                + "\"><title>Angemeldet – Bürgerbüro</title></head><body><main><h1>Angemeldet</h1>"
                + "<p><a id=\"continue\" href=\""
                + next
                + "\">Weiter / continue</a></p></main></body></html>");
  }

  private static void page(
      HttpServletResponse res, int status, String german, String english, String retry)
      throws IOException {
    res.setStatus(status);
    res.setContentType("text/html;charset=UTF-8");
    res.getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<title>Anmeldung – Bürgerbüro</title></head><body><main><h1>Anmeldung</h1>"
                + "<p role=\"alert\">"
                + german
                + " <span lang=\"en\">"
                + english
                + "</span></p>"
                + (retry == null ? "" : "<p><a href=\"" + retry + "\">Neu anmelden</a></p>")
                + "<p><a href=\"/\">Startseite</a></p></main></body></html>");
  }
}
