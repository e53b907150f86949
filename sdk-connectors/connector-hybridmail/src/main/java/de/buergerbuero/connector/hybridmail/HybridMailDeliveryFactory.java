package de.buergerbuero.connector.hybridmail;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryPortFactory;
import java.time.Clock;

/**
 * Builds the hybrid-mail channel (kind {@code hybridmail}) from {@code
 * buergerbuero.delivery.hybridmail.*} ({@link HybridMailConfig}). Its webhooks arrive at {@code
 * POST /api/v1/delivery/hybridmail/callbacks}.
 */
public final class HybridMailDeliveryFactory implements DeliveryPortFactory {
  @Override
  public String kind() {
    return "hybridmail";
  }

  @Override
  public DeliveryPort create(ConnectorSettings settings, Clock clock, DeliveryEvents events) {
    return new HybridMailDelivery(HybridMailConfig.from(settings), clock);
  }
}
