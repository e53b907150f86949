package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.connector.servicekonto.PendingLogins;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The short-lived cookie that binds a login in flight to the browser that started it (against login
 * CSRF, ADR 0017). Set with the redirect to the identity provider, scoped to the one return path,
 * HttpOnly, 15 minutes, deleted on return. The SAML IdP posts the answer cross-site, which only a
 * {@code SameSite=None} cookie survives, and browsers accept that only with {@code Secure}: so on
 * an {@code https} public URL it is {@code SameSite=None; Secure}; on plain-HTTP development setups
 * it is {@code SameSite=Lax} (enough for the OIDC redirect, a top-level GET; browsers send Lax
 * cookies with a cross-site POST only within two minutes of setting them).
 */
final class PreLoginCookie {
  private final String name;
  private final String path;
  private final boolean secure;

  PreLoginCookie(String name, String path, String publicUrl) {
    this.name = name;
    this.path = path;
    this.secure = publicUrl.startsWith("https://");
  }

  /** Sets a new cookie and returns its value. */
  String issue(HttpServletResponse res) {
    String value = PendingLogins.newToken();
    res.addHeader("Set-Cookie", header(value, 900));
    return value;
  }

  /** The value this browser brought back, or null; the cookie is deleted. */
  String take(HttpServletRequest req, HttpServletResponse res) {
    String value = null;
    if (req.getCookies() != null) {
      for (Cookie c : req.getCookies()) {
        if (name.equals(c.getName())) {
          value = c.getValue();
        }
      }
    }
    res.addHeader("Set-Cookie", header("", 0));
    return value;
  }

  private String header(String value, int maxAge) {
    return name
        + "="
        + value
        + "; Path="
        + path
        + "; Max-Age="
        + maxAge
        + "; HttpOnly"
        + (secure ? "; Secure; SameSite=None" : "; SameSite=Lax");
  }
}
