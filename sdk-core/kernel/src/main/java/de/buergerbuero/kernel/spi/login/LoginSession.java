package de.buergerbuero.kernel.spi.login;

import de.buergerbuero.kernel.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;

/**
 * The browser session a real login hands its caller over to. {@code buergerbuero-web} reads the
 * caller from {@value #CALLER} (its {@code CallerResolver}), so a login connector writes it only
 * through {@link #start}; {@link LoginPages#loggedIn} does so and answers the browser.
 */
public final class LoginSession {
  /**
   * The session attribute holding the {@link Caller} of a real login, set once after a successful
   * login and never changed within that session.
   */
  public static final String CALLER = "buergerbuero.login";

  private LoginSession() {}

  /**
   * Ends the old session (if any) and starts a new one, so that no session id chosen before the
   * login survives it (session fixation). Logins of every kind call this before storing who logged
   * in.
   */
  public static HttpSession renew(HttpServletRequest request) {
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    return request.getSession(true);
  }

  /** Renews the session ({@link #renew}) and stores {@code caller} as its logged-in caller. */
  public static HttpSession start(HttpServletRequest request, Caller caller) {
    Objects.requireNonNull(caller, "caller");
    HttpSession session = renew(request);
    session.setAttribute(CALLER, caller);
    return session;
  }

  /**
   * A same-site path to return to after login, or {@code /} for anything else: absolute and
   * protocol-relative URLs, backslashes, control characters and paths over 500 characters are
   * refused, so a crafted {@code next} cannot send the browser to another site.
   */
  public static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.length() > 500
        || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return "/";
    }
    return next;
  }
}
