package de.buergerbuero.connector.servicekonto.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Ends a session from a SAML login before its request is served when the IdP has ended it in the
 * meantime — also when the IdP's logout request reached another instance ({@link SamlSessions}).
 * One primary-key read per request of such a session; other requests are not touched.
 */
@WebFilter(urlPatterns = "/*")
public class SamlSessionCheck extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject SamlSessions sessions;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = req.getSession(false);
    if (session != null) {
      try {
        if (sessions.ended(session)) {
          session.invalidate();
        }
      } catch (IllegalStateException alreadyInvalidated) {
        // ended concurrently: nothing to do
      }
    }
    chain.doFilter(req, res);
  }
}
