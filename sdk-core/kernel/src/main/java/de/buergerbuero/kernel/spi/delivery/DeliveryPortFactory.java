package de.buergerbuero.kernel.spi.delivery;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import java.time.Clock;

/**
 * Builds a {@link DeliveryPort} from configuration. Each delivery connector ships one and registers
 * it in {@code META-INF/services/de.buergerbuero.kernel.spi.delivery.DeliveryPortFactory}; a town's
 * own channel may instead be a CDI bean of this type (explicit registration wins). The deployment
 * lists the channels it uses in {@code buergerbuero.delivery.channels} (e.g. {@code zbp,email}).
 */
public interface DeliveryPortFactory {

  /** The name in {@code buergerbuero.delivery.channels} that selects this channel. */
  String kind();

  /**
   * Builds the channel; called once at start-up, so it validates everything it can.
   *
   * @param events where the channel reports what became of a delivery later
   * @throws de.buergerbuero.kernel.error.ConfigurationException naming the missing or wrong key
   */
  DeliveryPort create(ConnectorSettings settings, Clock clock, DeliveryEvents events);
}
