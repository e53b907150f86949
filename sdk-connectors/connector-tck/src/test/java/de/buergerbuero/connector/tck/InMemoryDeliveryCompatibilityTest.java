package de.buergerbuero.connector.tck;

import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryState;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory reference channel passes the delivery compatibility kit")
class InMemoryDeliveryCompatibilityTest extends DeliveryCompatibilityKit {
  private InMemoryDelivery memory;

  @Override
  protected DeliveryPort createChannel(DeliveryEvents events) {
    memory = InMemoryDelivery.postbox(events);
    return memory;
  }

  @Override
  protected Recipient reachable() {
    return new Recipient("Anna Muster", "7f0c9f2e-5d5e-4c39-9a43-0b1f6f1c2a11", null, null);
  }

  @Override
  protected Recipient unreachable() {
    return new Recipient("Bernd Muster", null, null, "bernd@example.org");
  }

  @Override
  protected int timesDelivered(String deliveryId) {
    return (int) memory.delivered().stream().filter(d -> d.deliveryId().equals(deliveryId)).count();
  }

  @Override
  protected void makeUnreachable() {
    memory.setAvailable(false);
  }

  @Override
  protected void peerReports(String deliveryId, DeliveryState state, String reason) {
    memory.report(deliveryId, state, reason);
  }
}
