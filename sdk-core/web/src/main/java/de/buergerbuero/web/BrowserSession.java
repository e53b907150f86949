package de.buergerbuero.web;

import de.buergerbuero.kernel.spi.login.LoginSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the web front end keeps in a browser's HTTP session besides the caller of a real login
 * ({@link LoginSession#CALLER}): the development login's account and trust level, and the session's
 * CSRF token. A browser sends the token back in the {@value #CSRF_HEADER} header (or the {@value
 * #CSRF_PARAMETER} form field) with every state-changing request; {@link CsrfFilter} checks it.
 */
public final class BrowserSession {
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

  /** Whether {@code given} is the session's token (constant time). */
  static boolean csrfTokenMatches(HttpSession session, String given) {
    String expected = session == null ? null : (String) session.getAttribute(CSRF);
    return expected != null
        && given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
  }
}
