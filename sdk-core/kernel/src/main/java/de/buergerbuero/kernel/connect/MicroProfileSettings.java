package de.buergerbuero.kernel.connect;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** The connectors' view on MicroProfile Config: one config chain for every connector. */
@ApplicationScoped
public class MicroProfileSettings {
  @Inject Config config;

  @Produces
  ConnectorSettings settings() {
    return ConnectorSettings.of(
        key -> config.getOptionalValue(key, String.class), config::getPropertyNames);
  }
}
