package de.buergerbuero.connector.servicekonto.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Removes ended sessions from {@link SamlSessions}. */
@WebListener
public class SamlSessionListener implements HttpSessionListener {
  @Inject SamlSessions sessions;

  private static final Logger LOG = Logger.getLogger(SamlSessionListener.class.getName());

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    try {
      sessions.forget(event.getSession());
    } catch (RuntimeException e) {
      // the record expires by itself; a session that has ended needs nothing more
      LOG.log(Level.WARNING, "SAML session record not removed: " + e.getClass().getSimpleName());
    }
  }
}
