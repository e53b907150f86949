package de.buergerbuero.connector.hybridmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.delivery.Delivery;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hybrid mail transport: the letter as printed, once per key across restarts")
class HybridMailTransportTest {
  static HybridMailSimulator simulator;

  @BeforeAll
  static void start() throws Exception {
    simulator = new HybridMailSimulator(HybridMailCompatibilityTest.SIGNING_KEY, 0);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static DeliveryPort channel(Map<String, String> settings) {
    return new HybridMailDeliveryFactory()
        .create(ConnectorSettings.of(settings), Clock.systemUTC(), DeliveryEvents.NONE);
  }

  static Delivery letter(byte[] pdf) {
    return new Delivery(
        "MS-2026-000042",
        new Recipient(
            "Erika Mustermann",
            null,
            new Recipient.PostalAddress(
                "Erika Mustermann", "Heidestraße 17a", "51147", "Köln", null),
            null),
        "Bescheid",
        "Ihr Bescheid",
        List.of(
            new CaseDocument(
                "Bescheid-MS-2026-000042.pdf",
                "application/pdf",
                pdf.length,
                () -> new ByteArrayInputStream(pdf))));
  }

  @Test
  @DisplayName("the PDF, the recipient (street and number apart) and the print options arrive")
  void asPrinted() {
    byte[] pdf = ("%PDF-1.4\n" + "y".repeat(3000)).getBytes(StandardCharsets.US_ASCII);
    var settings = HybridMailCompatibilityTest.settings(simulator.baseUrl());
    settings.put("buergerbuero.delivery.hybridmail.delivery-product", "registered");
    var r = channel(settings).send("k-" + UUID.randomUUID(), letter(pdf));
    var l =
        simulator.letters().stream()
            .filter(x -> r.deliveryId().endsWith(x.id()))
            .findFirst()
            .orElseThrow();
    assertThat(l.pdf()).isEqualTo(pdf);
    var to = l.attributes().getJsonObject("meta_data").getJsonObject("recipient");
    assertThat(to.getString("street")).isEqualTo("Heidestraße");
    assertThat(to.getString("number")).isEqualTo("17a");
    assertThat(to.getString("country")).isEqualTo("DE");
    assertThat(l.attributes().getString("delivery_product")).isEqualTo("registered");
    assertThat(l.attributes().getString("print_mode")).isEqualTo("duplex");
    assertThat(l.attributes().getBoolean("auto_send")).isTrue();
  }

  @Test
  @DisplayName("after a restart (a new connector) the same outbox key gives the same letter")
  void onceAcrossRestarts() {
    byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    String key = "k-" + UUID.randomUUID();
    var settings = HybridMailCompatibilityTest.settings(simulator.baseUrl());
    var first = channel(settings).send(key, letter(pdf));
    var again = channel(settings).send(key, letter(pdf));
    assertThat(again.deliveryId()).isEqualTo(first.deliveryId());
    assertThat(simulator.letters().stream().filter(l -> first.deliveryId().endsWith(l.id())))
        .hasSize(1);
  }

  @Test
  @DisplayName("a file that is not a PDF is rejected; wrong credentials are refused")
  void refusals() {
    byte[] html = "<html>".getBytes(StandardCharsets.US_ASCII);
    var settings = HybridMailCompatibilityTest.settings(simulator.baseUrl());
    assertThatThrownBy(() -> channel(settings).send("k-" + UUID.randomUUID(), letter(html)))
        .isInstanceOfSatisfying(
            DeliveryException.class, e -> assertThat(e.isRetryable()).isFalse());
    settings.put("buergerbuero.delivery.hybridmail.client-secret", "wrong");
    byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> channel(settings).send("k-" + UUID.randomUUID(), letter(pdf)))
        .isInstanceOfSatisfying(
            DeliveryException.class, e -> assertThat(e.isRetryable()).isFalse());
  }

  @Test
  @DisplayName("configuration: plain http to another host and a short signing key stop the start")
  void configuration() {
    var http = HybridMailCompatibilityTest.settings("http://print.example.org");
    assertThatThrownBy(() -> channel(http))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("https");
    var shortKey = HybridMailCompatibilityTest.settings(simulator.baseUrl());
    shortKey.put("buergerbuero.delivery.hybridmail.webhook-signing-key", "short");
    assertThatThrownBy(() -> channel(shortKey))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("webhook-signing-key");
  }
}
