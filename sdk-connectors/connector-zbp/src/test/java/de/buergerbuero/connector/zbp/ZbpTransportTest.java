package de.buergerbuero.connector.zbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.delivery.Delivery;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import de.buergerbuero.kernel.spi.delivery.StatusMonitor;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ZBP transport: what arrives in the postbox, status messages, certificates")
class ZbpTransportTest {
  static ZbpSimulator simulator;
  static String mailbox;

  @BeforeAll
  static void start() throws Exception {
    simulator = new ZbpSimulator(ZbpCompatibilityTest.RESOURCES, 0);
    mailbox = simulator.openMailbox();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.reset();
  }

  static DeliveryPort channel(String keystore) {
    return channel(ZbpCompatibilityTest.settings(simulator.baseUrl(), keystore));
  }

  static DeliveryPort channel(Map<String, String> settings) {
    return new ZbpDeliveryFactory()
        .create(ConnectorSettings.of(settings), Clock.systemUTC(), DeliveryEvents.NONE);
  }

  static Delivery bescheid(String to, byte[] pdf) {
    return new Delivery(
        "MS-2026-000042",
        new Recipient("Erika Mustermann", to, null, null),
        "Bescheid zu Ihrem Antrag MS-2026-000042",
        "Ihr Bescheid liegt als PDF bei.",
        List.of(
            new CaseDocument(
                "Bescheid-MS-2026-000042.pdf",
                "application/pdf",
                pdf.length,
                () -> new ByteArrayInputStream(pdf))),
        "Bewohnerparkausweis");
  }

  @Test
  @DisplayName("the Bescheid arrives byte for byte with title, service, reference and sender")
  void arrives() {
    byte[] pdf = ("%PDF-1.4\n" + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
    var receipt = channel("client.p12").send("k-" + UUID.randomUUID(), bescheid(mailbox, pdf));
    assertThat(receipt.deliveryId()).startsWith("zbp:");
    var m = simulator.messages().get(0);
    assertThat(m.mailbox()).isEqualTo(mailbox);
    assertThat(m.content().getString("title")).isEqualTo("Bescheid zu Ihrem Antrag MS-2026-000042");
    assertThat(m.content().getString("service")).isEqualTo("Bewohnerparkausweis");
    assertThat(m.content().getString("sender")).isEqualTo("Stadt Musterstadt");
    assertThat(m.content().getString("reference")).isEqualTo("MS-2026-000042");
    assertThat(m.content().getInt("stork_qaa_level")).isEqualTo(3);
    assertThat(m.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.name()).isEqualTo("Bescheid-MS-2026-000042.pdf");
              assertThat(f.contentType()).isEqualTo("application/pdf");
              assertThat(f.bytes()).isEqualTo(pdf);
            });
  }

  @Test
  @DisplayName("an unknown postbox is rejected for good (404), so another channel can take it")
  void unknownPostbox() {
    byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(
            () ->
                channel("client.p12")
                    .send("k-" + UUID.randomUUID(), bescheid(UUID.randomUUID().toString(), pdf)))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(KernelError.DELIVERY_REJECTED);
              assertThat(e.isRetryable()).isFalse();
            });
    assertThat(simulator.messages()).isEmpty();
  }

  @Test
  @DisplayName("a certificate the ZBP does not trust gets nothing delivered and is not retried")
  void untrustedCertificate() {
    byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(
            () -> channel("stranger.p12").send("k-" + UUID.randomUUID(), bescheid(mailbox, pdf)))
        .isInstanceOf(DeliveryException.class);
    assertThat(simulator.messages()).isEmpty();
  }

  @Test
  @DisplayName("a status message for the status monitor is signed, published once per key")
  void statusMessage() {
    StatusMonitor monitor = (StatusMonitor) channel("client.p12");
    UUID application = UUID.randomUUID();
    var message =
        new StatusMonitor.StatusMessage(
            application,
            StatusMonitor.Stage.PROCESSING,
            "Bewohnerparkausweis",
            "MS-2026-000042",
            Instant.parse("2026-12-02T08:15:30.123456Z"),
            "in Bearbeitung");
    monitor.publish("state-1", message);
    monitor.publish("state-1", message);
    assertThat(simulator.states())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getString("applicationId")).isEqualTo(application.toString());
              assertThat(s.getString("status")).isEqualTo("PROCESSING");
              assertThat(s.getString("createdDate")).isEqualTo("2026-12-02T08:15:30.123Z");
              assertThat(s.getJsonObject("publicServiceName").getString("de"))
                  .isEqualTo("Bewohnerparkausweis");
            });
  }

  @Test
  @DisplayName("configuration: plain http, a missing keystore and a wrong password stop the start")
  void configuration() {
    var http = new HashMap<>(ZbpCompatibilityTest.settings("http://127.0.0.1:1", "client.p12"));
    assertThatThrownBy(() -> channel(http))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("https");
    var missing = new HashMap<>(ZbpCompatibilityTest.settings(simulator.baseUrl(), "none.p12"));
    assertThatThrownBy(() -> channel(missing))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.delivery.zbp.keystore");
    var wrong = new HashMap<>(ZbpCompatibilityTest.settings(simulator.baseUrl(), "client.p12"));
    wrong.put("buergerbuero.delivery.zbp.keystore-password", "wrong");
    assertThatThrownBy(() -> channel(wrong)).isInstanceOf(ConfigurationException.class);
  }
}
