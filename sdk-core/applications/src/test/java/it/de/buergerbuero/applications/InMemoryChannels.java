package it.de.buergerbuero.applications;

import de.buergerbuero.connector.tck.InMemoryDelivery;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryPortFactory;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The deployment's delivery channels: the compatibility kit's in-memory channel, registered
 * explicitly as kinds {@code email} (notices to the e-mail address), {@code zbp} (documents to the
 * postbox) and {@code hybridmail} (documents to the postal address), chosen by {@code
 * buergerbuero.delivery.channels}.
 */
@ApplicationScoped
public class InMemoryChannels {
  private final Map<String, InMemoryDelivery> channels = new ConcurrentHashMap<>();

  private DeliveryPortFactory factory(
      String kind, long maxBytes, Function<Recipient, Optional<String>> address) {
    return new DeliveryPortFactory() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public DeliveryPort create(ConnectorSettings settings, Clock clock, DeliveryEvents events) {
        InMemoryDelivery channel = new InMemoryDelivery(kind, maxBytes, address, events);
        channels.put(kind, channel);
        return channel;
      }
    };
  }

  @Produces
  DeliveryPortFactory email() {
    return factory("email", 0, Recipient::emailAddress);
  }

  @Produces
  DeliveryPortFactory postbox() {
    return factory("zbp", 10 << 20, Recipient::postbox);
  }

  @Produces
  DeliveryPortFactory post() {
    return factory(
        "hybridmail",
        10 << 20,
        r ->
            r.postalAddress()
                .map(a -> a.name() + ", " + a.street() + ", " + a.postalCode() + " " + a.city()));
  }

  /** The channel of this kind, once built. */
  public InMemoryDelivery channel(String kind) {
    return channels.get(kind);
  }
}
