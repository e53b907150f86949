package de.buergerbuero.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the reference app keeps in a browser's HTTP session: the caller of the real login, or the
 * development login's account and trust level, and the session's CSRF token. A browser sends the
 * token back in the {@value #CSRF_HEADER} header (or the {@value #CSRF_PARAMETER} form field) with
 * every state-changing request; {@link CsrfFilter} checks it.
 */
public final class BrowserSession {
  /** The caller of the real login (SAML), set once at the assertion consumer service. */
  public static final String LOGIN = "buergerbuero.login";

  static final String USER = "buergerbuero.dev.user";
  static final String TRUST = "buergerbuero.dev.trust";
  static final String CSRF = "buergerbuero.csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSRF_PARAMETER = "_csrf";

  private static final SecureRandom RANDOM = new SecureRandom();

  private BrowserSession() {}

  /** The session's CSRF token, created with the session when there is none yet. */
  public static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    synchronized (session) {
      String token = (String) session.getAttribute(CSRF);
      if (token == null) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(CSRF, token);
      }
      return token;
    }
  }

  /** Ends the old session (if any) and starts a new one: no session fixation across a login. */
  public static HttpSession renew(HttpServletRequest request) {
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    return request.getSession(true);
  }

  /** Whether {@code given} is the session's token (constant time). */
  static boolean csrfTokenMatches(HttpSession session, String given) {
    String expected = session == null ? null : (String) session.getAttribute(CSRF);
    return expected != null
        && given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
  }

  /** A same-site path to return to after login, or {@code /} for anything else. */
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
