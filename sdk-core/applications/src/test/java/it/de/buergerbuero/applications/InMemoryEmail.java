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

/**
 * The deployment's e-mail channel: the compatibility kit's in-memory channel, registered explicitly
 * as kind {@code email} (chosen by {@code buergerbuero.delivery.channels}).
 */
@ApplicationScoped
public class InMemoryEmail {
  private volatile InMemoryDelivery channel;

  @Produces
  DeliveryPortFactory factory() {
    return new DeliveryPortFactory() {
      @Override
      public String kind() {
        return "email";
      }

      @Override
      public DeliveryPort create(ConnectorSettings settings, Clock clock, DeliveryEvents events) {
        channel = new InMemoryDelivery("email", 0, Recipient::emailAddress, events);
        return channel;
      }
    };
  }

  public InMemoryDelivery channel() {
    return channel;
  }
}
