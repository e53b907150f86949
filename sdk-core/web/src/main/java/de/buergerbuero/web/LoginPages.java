package de.buergerbuero.web;

import de.buergerbuero.kernel.web.HtmlPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The pages a real login (SAML, OIDC: {@link RealLogin}) answers with when the IdP sends the
 * browser back.
 */
public final class LoginPages {
  private LoginPages() {}

  /**
   * Starts a new session for the caller and continues to {@code next} with a page, not a redirect:
   * the SameSite=Strict session cookie travels only with a navigation that starts on this site, and
   * the IdP's POST or redirect did not.
   */
  public static void loggedIn(
      HttpServletRequest req, HttpServletResponse res, Object caller, String next)
      throws IOException {
    HttpSession session = BrowserSession.renew(req);
    session.setAttribute(BrowserSession.LOGIN, caller);
    String target = HtmlPage.escape(BrowserSession.safeNext(next));
    res.setStatus(HttpServletResponse.SC_OK);
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("text/html;charset=UTF-8");
    res.getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url="
                + target
                + "\"><title>Angemeldet – Bürgerbüro</title></head><body><main><h1>Angemeldet</h1>"
                + "<p><a id=\"continue\" href=\""
                + target
                + "\">Weiter / continue</a></p></main></body></html>");
  }

  /** A login that did not work: German first, English second, a way to start again. */
  private static void problem(
      HttpServletResponse res, int status, String german, String english, String retry)
      throws IOException {
    res.setStatus(status);
    res.setHeader("Cache-Control", "no-store");
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

  /** 401: the IdP's answer was refused (the reason is logged by the caller). */
  public static void refused(HttpServletResponse res, String retry) throws IOException {
    problem(
        res,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Die Anmeldung wurde abgelehnt (BB-1014). Bitte melden Sie sich erneut an.",
        "The login was refused (BB-1014). Please log in again.",
        retry);
  }

  /** 503: the IdP cannot be used (metadata or discovery not readable). */
  public static void unavailable(HttpServletResponse res) throws IOException {
    problem(
        res,
        503,
        "Die Anmeldung ist zurzeit nicht möglich.",
        "Login is not possible right now.",
        null);
  }

  /** 400: e.g. an unknown trust level. */
  public static void invalid(HttpServletResponse res) throws IOException {
    problem(res, 400, "Ungültige Anfrage.", "Invalid request.", null);
  }
}
