package de.buergerbuero.kernel.spi.login;

import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.web.HtmlPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The pages a real login ({@link RealLogin}) answers with when the identity provider sends the
 * browser back: the hand-over after a successful login, and the failures, German first and English
 * second, never with the reason in detail (log it with the reason only, never with attribute
 * values). All are {@code text/html; charset=UTF-8} and {@code Cache-Control: no-store}.
 */
public final class LoginPages {
  private LoginPages() {}

  /**
   * Starts a new session for the caller ({@link LoginSession#start}: renewed against fixation) and
   * continues to {@code next} (made safe with {@link LoginSession#safeNext}) with a 200 page, not a
   * redirect: the SameSite=Strict session cookie travels only with a navigation that starts on this
   * site, and the IdP's POST or redirect did not.
   *
   * @param caller who logged in, mapped from the validated answer of the identity provider
   * @param next the path the login was started with
   */
  public static void loggedIn(
      HttpServletRequest req, HttpServletResponse res, Caller caller, String next)
      throws IOException {
    LoginSession.start(req, caller);
    String target = HtmlPage.escape(LoginSession.safeNext(next));
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

  /**
   * 200: the portal session has ended (after a single logout at the identity provider, or when the
   * identity provider ended it), with a link to the start page.
   */
  public static void loggedOut(HttpServletResponse res) throws IOException {
    res.setStatus(HttpServletResponse.SC_OK);
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("text/html;charset=UTF-8");
    res.getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<title>Abgemeldet – Bürgerbüro</title></head><body><main><h1>Abgemeldet</h1>"
                + "<p>Sie sind abgemeldet. <span lang=\"en\">You are logged out.</span></p>"
                + "<p><a id=\"home\" href=\"/\">Startseite</a></p></main></body></html>");
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

  /**
   * 401 with error code {@code BB-1014}: the identity provider's answer was refused (bad signature,
   * replay, unknown state, error from the provider).
   *
   * @param retry the login's start path for a link "Neu anmelden", or {@code null} for none
   */
  public static void refused(HttpServletResponse res, String retry) throws IOException {
    problem(
        res,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Die Anmeldung wurde abgelehnt (BB-1014). Bitte melden Sie sich erneut an.",
        "The login was refused (BB-1014). Please log in again.",
        retry);
  }

  /** 503: the identity provider cannot be used now (metadata or discovery not readable). */
  public static void unavailable(HttpServletResponse res) throws IOException {
    problem(
        res,
        503,
        "Die Anmeldung ist zurzeit nicht möglich.",
        "Login is not possible right now.",
        null);
  }

  /**
   * 429: this client started too many logins in a short time (each start costs a signature and a
   * stored login in flight); with {@code Retry-After: 60}.
   */
  public static void tooManyStarts(HttpServletResponse res) throws IOException {
    res.setHeader("Retry-After", "60");
    problem(
        res,
        429,
        "Zu viele Anmeldeversuche. Bitte warten Sie eine Minute.",
        "Too many login attempts. Please wait a minute.",
        null);
  }

  /** 400: the start request was malformed, e.g. an unknown {@code trustLevel}. */
  public static void invalid(HttpServletResponse res) throws IOException {
    problem(res, 400, "Ungültige Anfrage.", "Invalid request.", null);
  }
}
