package de.buergerbuero.kernel.connect;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.forms.FormServerFactory;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormServers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deployment's form servers: every deployed {@link FormServerFactory} whose configuration is
 * present, built once (HTTP clients and schema registries are not rebuilt per request).
 */
@ApplicationScoped
public class FormServersProducer {
  @Inject ConnectorSettings settings;
  @Inject Clock clock;
  @Inject Instance<FormServerFactory> explicit;

  private FormServers servers;

  /** Builds the configured form servers of {@code factories}. */
  public static FormServers compose(
      ConnectorSettings settings, Clock clock, Map<String, FormServerFactory> factories) {
    Map<String, FormServerPort> built = new LinkedHashMap<>();
    factories.forEach(
        (kind, factory) -> {
          if (factory.configured(settings)) {
            built.put(kind, factory.create(settings, clock));
          }
        });
    return new FormServers(built);
  }

  @Produces
  synchronized FormServers formServers() {
    if (servers == null) {
      servers =
          compose(
              settings,
              clock,
              ConnectorDiscovery.byKind(
                  FormServerFactory.class, FormServerFactory::kind, explicit));
    }
    return servers;
  }
}
