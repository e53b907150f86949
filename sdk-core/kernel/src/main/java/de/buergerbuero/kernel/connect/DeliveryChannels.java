package de.buergerbuero.kernel.connect;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryPortFactory;
import de.buergerbuero.kernel.spi.delivery.DeliveryReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's delivery channels, composed from configuration: {@value #CHANNELS_KEY} lists the
 * kinds in use (none by default: applicants then only download in "Meine Anträge"), each built once
 * by its connector's {@link DeliveryPortFactory}. Later status reports of a channel are fired as
 * CDI events of type {@link DeliveryReceipt}.
 */
@ApplicationScoped
public class DeliveryChannels {
  public static final String CHANNELS_KEY = "buergerbuero.delivery.channels";

  @Inject ConnectorSettings settings;
  @Inject Clock clock;
  @Inject Instance<DeliveryPortFactory> explicit;
  @Inject Event<DeliveryReceipt> reports;

  private Map<String, DeliveryPort> channels;

  /** Builds the listed channels; fails naming the key when a kind has no connector. */
  public static Map<String, DeliveryPort> compose(
      ConnectorSettings settings,
      Clock clock,
      Map<String, DeliveryPortFactory> factories,
      DeliveryEvents events) {
    Map<String, DeliveryPort> built = new LinkedHashMap<>();
    String listed = settings.optional(CHANNELS_KEY).orElse("");
    for (String kind : Arrays.stream(listed.split(",")).map(String::strip).toList()) {
      if (kind.isEmpty() || built.containsKey(kind)) {
        continue;
      }
      DeliveryPortFactory factory = factories.get(kind);
      if (factory == null) {
        throw new ConfigurationException(
            CHANNELS_KEY
                + " lists "
                + kind
                + ": no delivery connector of this kind is deployed (found: "
                + String.join(", ", factories.keySet())
                + "); add its artifact, e.g. buergerbuero-connector-"
                + kind);
      }
      built.put(kind, factory.create(settings, clock, events));
    }
    return java.util.Collections.unmodifiableMap(built);
  }

  private synchronized Map<String, DeliveryPort> channels() {
    if (channels == null) {
      channels =
          compose(
              settings,
              clock,
              ConnectorDiscovery.byKind(
                  DeliveryPortFactory.class, DeliveryPortFactory::kind, explicit),
              reports::fire);
    }
    return channels;
  }

  /** The channel of this kind, if the deployment uses it. */
  public Optional<DeliveryPort> channel(String kind) {
    return Optional.ofNullable(channels().get(kind));
  }

  /** Every channel the deployment uses, in the order listed. */
  public java.util.Collection<DeliveryPort> all() {
    return channels().values();
  }

  /** Builds every listed channel at start-up, so that a wrong configuration stops the start. */
  void onStartup(@Observes Startup startup) {
    channels();
  }
}
