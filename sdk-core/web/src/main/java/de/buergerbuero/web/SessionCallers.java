package de.buergerbuero.web;

import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.security.CallerResolver;
import de.buergerbuero.kernel.spi.login.LoginSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Who is calling, for the reference app: a browser session of the real login (BundID / Mein
 * Unternehmenskonto / staff through a login connector, {@link LoginSession#CALLER}) first, then —
 * only where it is switched on — the development login.
 */
@ApplicationScoped
public class SessionCallers implements CallerResolver {
  @Inject HttpServletRequest request;
  @Inject DevelopmentLogin development;

  @Override
  public Caller current() {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(LoginSession.CALLER) instanceof Caller caller) {
      return caller;
    }
    return development.resolve(request);
  }

  @Override
  public Optional<String> authenticationChallenge() {
    return development.authenticationChallenge(request);
  }
}
