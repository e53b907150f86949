package de.buergerbuero.connector.zbp;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryPortFactory;
import java.time.Clock;

/**
 * Builds the BundID postbox channel (kind {@code zbp}) from {@code buergerbuero.delivery.zbp.*}
 * ({@link ZbpConfig}); it also publishes application status messages ({@link
 * de.buergerbuero.kernel.spi.delivery.StatusMonitor}).
 */
public final class ZbpDeliveryFactory implements DeliveryPortFactory {
  @Override
  public String kind() {
    return "zbp";
  }

  @Override
  public DeliveryPort create(ConnectorSettings settings, Clock clock, DeliveryEvents events) {
    return new ZbpDelivery(ZbpConfig.from(settings), clock);
  }
}
