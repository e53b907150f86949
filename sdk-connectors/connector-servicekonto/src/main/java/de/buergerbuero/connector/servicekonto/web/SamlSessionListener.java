package de.buergerbuero.connector.servicekonto.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Removes ended sessions from {@link SamlSessions}. */
@WebListener
public class SamlSessionListener implements HttpSessionListener {
  @Inject SamlSessions sessions;

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    sessions.forget(event.getSession());
  }
}
