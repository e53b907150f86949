package de.buergerbuero.web;

import de.buergerbuero.kernel.spi.login.LoginSession;
import de.buergerbuero.kernel.spi.login.RealLogin;
import de.buergerbuero.kernel.web.HtmlPage;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Form login of the development login: {@code GET /login} shows the form, {@code POST /login}
 * checks user name and password against the server's user registry ({@code
 * HttpServletRequest.login}) and keeps the account in a new HTTP session ({@link LogoutServlet}
 * ends it). API clients keep using HTTP Basic. Answers 404 when the development login is off.
 */
@WebServlet(urlPatterns = "/login")
public class DevelopmentFormLogin extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Set<String> LEVELS = Set.of("", "none", "low", "substantial", "high");

  @Inject DevelopmentLogin development;
  @Inject Instance<RealLogin> realLogins;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (refuseInProduction(res)) {
      return;
    }
    String trust = req.getParameter("trustLevel");
    page(
        res,
        HttpServletResponse.SC_OK,
        null,
        LoginSession.safeNext(req.getParameter("next")),
        trust != null && LEVELS.contains(trust) ? trust : "");
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    if (refuseInProduction(res)) {
      return;
    }
    req.setCharacterEncoding("UTF-8");
    String next = LoginSession.safeNext(req.getParameter("next"));
    String user = req.getParameter("username");
    String password = req.getParameter("password");
    String trust = req.getParameter("trustLevel") == null ? "" : req.getParameter("trustLevel");
    if (user == null || password == null || !LEVELS.contains(trust)) {
      page(
          res,
          HttpServletResponse.SC_BAD_REQUEST,
          "Bitte Benutzername und Passwort angeben.",
          next,
          "");
      return;
    }
    try {
      req.login(user, password);
    } catch (ServletException e) {
      page(
          res,
          HttpServletResponse.SC_UNAUTHORIZED,
          "Benutzername oder Passwort ist falsch.",
          next,
          trust);
      return;
    }
    String name = req.getUserPrincipal().getName();
    req.logout(); // the session carries the login from here on
    HttpSession session = LoginSession.renew(req); // no session fixation
    session.setAttribute(BrowserSession.USER, name);
    if (!trust.isEmpty()) {
      session.setAttribute(BrowserSession.TRUST, trust);
    }
    res.setStatus(HttpServletResponse.SC_SEE_OTHER);
    res.setHeader("Location", req.getContextPath() + next);
  }

  private boolean refuseInProduction(HttpServletResponse res) throws IOException {
    if (!development.enabled()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return true;
    }
    return false;
  }

  private void page(HttpServletResponse res, int status, String error, String next, String trust)
      throws IOException {
    res.setStatus(status);
    res.setContentType("text/html;charset=UTF-8");
    res.setHeader("Cache-Control", "no-store");
    PrintWriter out = res.getWriter();
    out.println("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<link rel=\"stylesheet\" href=\"/ui/theme.css\">");
    out.println("<link rel=\"stylesheet\" href=\"/ui/app.css\">");
    out.println("<title>Anmeldung (Entwicklung) – Bürgerbüro</title></head><body>");
    out.println("<header class=\"site-header\"><div class=\"brand\"><a href=\"/\">");
    out.println("<img src=\"/ui/logo.svg\" alt=\"\" width=\"40\" height=\"40\">");
    out.println("<span>Bürgerbüro</span></a></div></header>");
    out.println("<main id=\"main\" class=\"narrow\">");
    out.println("<h1>Anmeldung <span lang=\"en\">(development login)</span></h1>");
    out.println(
        "<p class=\"hint\">Nur für Entwicklung und Test. Passwort = Benutzername"
            + " (anna, ben, firma, clerk-ordnung, clerk-gewerbe, admin).</p>");
    if (error != null) {
      out.println("<p class=\"alert\" role=\"alert\" id=\"login-error\">" + error + "</p>");
    }
    out.println("<form method=\"post\" action=\"/login\" class=\"stacked\">");
    out.println("<input type=\"hidden\" name=\"next\" value=\"" + HtmlPage.escape(next) + "\">");
    out.println("<p><label for=\"username\">Benutzername</label>");
    out.println(
        "<input id=\"username\" name=\"username\" autocomplete=\"username\" required"
            + (error != null ? " aria-describedby=\"login-error\"" : "")
            + "></p>");
    out.println("<p><label for=\"password\">Passwort</label>");
    out.println(
        "<input id=\"password\" name=\"password\" type=\"password\""
            + " autocomplete=\"current-password\" required></p>");
    out.println(
        "<p><label for=\"trustLevel\">Vertrauensniveau (nur Bürgerinnen und Bürger)</label>");
    out.println("<select id=\"trustLevel\" name=\"trustLevel\">");
    String[][] options = {
      {"", "wie im Konto hinterlegt"},
      {"none", "normal (STORK-QAA 1)"},
      {"low", "niedrig (STORK-QAA 2)"},
      {"substantial", "substanziell (STORK-QAA 3)"},
      {"high", "hoch (STORK-QAA 4)"}
    };
    for (String[] o : options) {
      out.println(
          "<option value=\""
              + o[0]
              + "\""
              + (o[0].equals(trust) ? " selected" : "")
              + ">"
              + o[1]
              + "</option>");
    }
    out.println("</select></p>");
    out.println("<p><button type=\"submit\" class=\"primary\">Anmelden</button></p></form>");
    for (RealLogin real : realLogins) {
      if (real.enabled()) {
        out.println(
            "<p><a class=\"button\" href=\""
                + real.loginPath()
                + "?next="
                + HtmlPage.escape(URLEncoder.encode(next, StandardCharsets.UTF_8))
                + "\">"
                + HtmlPage.escape(real.label())
                + "</a></p>");
      }
    }
    out.println("</main></body></html>");
  }
}
