package de.buergerbuero.connector.hybridmail;

import de.buergerbuero.connector.tck.DeliveryCompatibilityKit;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryState;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Hybrid mail against the hybrid-mail simulator: the delivery compatibility kit")
class HybridMailCompatibilityTest extends DeliveryCompatibilityKit {
  static final String SIGNING_KEY = "webhook-signing-key-nur-fuer-tests-0123456789";
  static HybridMailSimulator simulator;

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
      simulator = null;
    }
  }

  static Map<String, String> settings(String base) {
    Map<String, String> s = new HashMap<>();
    String p = "buergerbuero.delivery.hybridmail.";
    s.put(p + "api-url", base);
    s.put(p + "token-url", base + "/auth/access-tokens");
    s.put(p + "client-id", HybridMailSimulator.CLIENT_ID);
    s.put(p + "client-secret", HybridMailSimulator.CLIENT_SECRET);
    s.put(p + "organisation", HybridMailSimulator.ORGANISATION);
    s.put(p + "webhook-signing-key", SIGNING_KEY);
    s.put(p + "max-document-bytes", "1048576");
    s.put(p + "timeout", "PT5S");
    return s;
  }

  @Override
  protected DeliveryPort createChannel(DeliveryEvents events) throws Exception {
    if (simulator == null) {
      simulator = new HybridMailSimulator(SIGNING_KEY, 0);
    }
    simulator.reset();
    return new HybridMailDeliveryFactory()
        .create(ConnectorSettings.of(settings(simulator.baseUrl())), Clock.systemUTC(), events);
  }

  @Override
  protected Recipient reachable() {
    return new Recipient(
        "Erika Mustermann",
        null,
        new Recipient.PostalAddress("Erika Mustermann", "Heidestraße 17", "51147", "Köln", "DE"),
        null);
  }

  @Override
  protected Recipient unreachable() {
    return new Recipient("Max Mustermann", null, null, "max@example.org");
  }

  @Override
  protected boolean carriesNotices() {
    return false;
  }

  @Override
  protected int timesDelivered(String deliveryId) {
    String id = deliveryId.substring(HybridMailDelivery.PREFIX.length());
    return (int) simulator.letters().stream().filter(l -> l.id().equals(id)).count();
  }

  @Override
  protected void makeUnreachable() {
    simulator.close();
    simulator = null;
  }

  @Override
  protected void peerAnswers(int status, String contentType, String body) {
    simulator.answerNext(status, contentType, body);
  }

  @Override
  protected PeerCallback peerCallback(String deliveryId, DeliveryState state, String reason)
      throws Exception {
    String id = deliveryId.substring(HybridMailDelivery.PREFIX.length());
    var hook =
        simulator.webhook(id, state == DeliveryState.FAILED ? "undeliverable" : "sent", reason);
    return new PeerCallback(hook.headers(), hook.body());
  }
}
