package de.buergerbuero.web;

import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.rest.ProblemDetail;
import de.buergerbuero.kernel.spi.login.LoginSession;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CSRF protection for browser sessions: a state-changing request (POST, PUT, PATCH, DELETE) that is
 * authenticated by a cookie — an HTTP session of the development login or a login cookie of the
 * real login — must carry the session's token ({@link BrowserSession#csrfToken}). API clients that
 * authenticate with an {@code Authorization} header pass, except HTTP Basic sent from another site:
 * a browser attaches cached Basic credentials to a cross-site form post just like a cookie, so such
 * a request (Fetch metadata {@code Sec-Fetch-Site: cross-site|same-site}, or a foreign {@code
 * Origin}) is refused. Anonymous requests are not affected; SameSite=Strict cookies are the second
 * line of defence.
 */
@WebFilter(urlPatterns = {"/api/*", "/logout"})
public class CsrfFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String authorization = req.getHeader("Authorization");
    if (SAFE.contains(req.getMethod())
        || (authorization != null && !(isBasic(authorization) && fromAnotherSite(req)))) {
      chain.doFilter(req, res);
      return;
    }
    HttpSession session = req.getSession(false);
    boolean cookieAuthenticated =
        authorization != null
            || req.getUserPrincipal() != null
            || (session != null
                && (session.getAttribute(LoginSession.CALLER) != null
                    || session.getAttribute(BrowserSession.USER) != null));
    if (!cookieAuthenticated) {
      chain.doFilter(req, res);
      return;
    }
    String given = req.getHeader(BrowserSession.CSRF_HEADER);
    if (given == null && "/logout".equals(req.getServletPath())) {
      given = req.getParameter(BrowserSession.CSRF_PARAMETER);
    }
    if (BrowserSession.csrfTokenMatches(session, given)) {
      chain.doFilter(req, res);
      return;
    }
    Locale locale =
        req.getLocale() != null && "en".equals(req.getLocale().getLanguage())
            ? Locale.ENGLISH
            : Locale.GERMAN;
    ProblemDetail problem =
        ProblemDetail.of(
            KernelError.CSRF_TOKEN_INVALID,
            "Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
            req.getRequestURI(),
            List.of(),
            locale);
    res.setStatus(problem.status());
    res.setContentType(ProblemDetail.MEDIA_TYPE + ";charset=UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(JSON.toJson(problem));
  }

  private static boolean isBasic(String authorization) {
    return authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  /**
   * Whether a browser sent the request from another site: Fetch metadata where the browser sends
   * it, else an {@code Origin} whose host differs from the request's. Clients that are no browser
   * send neither.
   */
  static boolean fromAnotherSite(HttpServletRequest req) {
    String site = req.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return !"same-origin".equalsIgnoreCase(site) && !"none".equalsIgnoreCase(site);
    }
    String origin = req.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    String host = req.getHeader("Host");
    try {
      java.net.URI uri = java.net.URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host == null
          || uri.getHost() == null
          || !(authority.equalsIgnoreCase(host) || uri.getHost().equalsIgnoreCase(host));
    } catch (IllegalArgumentException e) {
      return true; // "null" or garbage: a sandboxed or unknown origin
    }
  }
}
