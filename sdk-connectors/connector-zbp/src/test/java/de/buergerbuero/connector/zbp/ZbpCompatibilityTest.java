package de.buergerbuero.connector.zbp;

import de.buergerbuero.connector.tck.DeliveryCompatibilityKit;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("BundID postbox (ZBP) against the ZBP simulator: the delivery compatibility kit")
class ZbpCompatibilityTest extends DeliveryCompatibilityKit {
  static final Path RESOURCES = Path.of("src/test/resources/zbp");
  static ZbpSimulator simulator;
  static String mailbox;

  @BeforeAll
  static void start() throws Exception {
    simulator = new ZbpSimulator(RESOURCES, 0);
    mailbox = simulator.openMailbox();
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  static Map<String, String> settings(String url, String keystore) {
    return Map.of(
        "buergerbuero.delivery.zbp.url",
        url,
        "buergerbuero.delivery.zbp.keystore",
        RESOURCES.resolve(keystore).toString(),
        "buergerbuero.delivery.zbp.keystore-password",
        ZbpSimulator.PASSWORD,
        "buergerbuero.delivery.zbp.truststore",
        RESOURCES.resolve("zbp-truststore.p12").toString(),
        "buergerbuero.delivery.zbp.truststore-password",
        ZbpSimulator.PASSWORD,
        "buergerbuero.delivery.zbp.sender",
        "Stadt Musterstadt",
        "buergerbuero.delivery.zbp.max-document-bytes",
        "1048576",
        "buergerbuero.delivery.zbp.timeout",
        "PT5S");
  }

  @Override
  protected DeliveryPort createChannel(DeliveryEvents events) throws Exception {
    if (simulator == null) { // stopped by the outage test
      start();
    }
    simulator.reset();
    return new ZbpDeliveryFactory()
        .create(
            ConnectorSettings.of(settings(simulator.baseUrl(), "client.p12")),
            Clock.systemUTC(),
            events);
  }

  @Override
  protected Recipient reachable() {
    return new Recipient("Erika Mustermann", mailbox, null, null);
  }

  @Override
  protected Recipient unreachable() {
    return new Recipient("Max Mustermann", null, null, "max@example.org");
  }

  /** How many messages in the postbox are the one with this id (same content, same key). */
  @Override
  protected int timesDelivered(String deliveryId) {
    String uuid = deliveryId.substring("zbp:".length());
    var the = simulator.messages().stream().filter(m -> m.messageUuid().equals(uuid)).findFirst();
    if (the.isEmpty()) {
      return 0;
    }
    return (int)
        simulator.messages().stream().filter(m -> m.content().equals(the.get().content())).count();
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
}
