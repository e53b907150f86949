package de.buergerbuero.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/** Applies {@link TransportSecurity} to the session cookie when the application starts. */
@WebListener
public class TransportSecurityListener implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    TransportSecurity.of(ConfigProvider.getConfig()).configure(event.getServletContext());
  }
}
