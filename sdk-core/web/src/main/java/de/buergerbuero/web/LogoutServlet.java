package de.buergerbuero.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /logout} ends the browser session of either login (the CSRF token is checked by
 * {@link CsrfFilter}). The IdP's own session is not ended (no SAML single logout yet).
 */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) {
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    res.setStatus(HttpServletResponse.SC_SEE_OTHER);
    res.setHeader("Location", req.getContextPath() + "/");
  }
}
