package de.buergerbuero.connector.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.buergerbuero.connector.tck.FormServerCompatibilityKit;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FIT-Connect subscriber against the Zustelldienst simulator")
class FitConnectCompatibilityTest extends FormServerCompatibilityKit {
  static final String PERMISSIVE =
      "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\""
          + FitConnectSimulator.SCHEMA
          + "\",\"type\":\"object\"}";
  static RSAKey decryptionKey;
  static RSAKey signingKey;
  private FitConnectSimulator simulator;

  @BeforeAll
  static void keys() throws Exception {
    decryptionKey = new RSAKeyGenerator(2048).keyID("dest-enc").generate();
    signingKey = new RSAKeyGenerator(2048).keyID("dest-sig").generate();
  }

  @Override
  protected Connector create() throws Exception {
    simulator = new FitConnectSimulator(decryptionKey.toPublicJWK(), signingKey.toPublicJWK());
    return new Connector(connector(FitConnectSimulator.CLIENT_SECRET), simulator);
  }

  private FitConnectConnector connector(String secret) {
    return new FitConnectConnector(
        new FitConnectConfig(
            URI.create(simulator.url() + "/token"),
            simulator.url(),
            FitConnectSimulator.CLIENT_ID,
            secret,
            FitConnectSimulator.DESTINATION,
            decryptionKey,
            signingKey,
            Map.of(FitConnectSimulator.SCHEMA, PERMISSIVE),
            Duration.ofSeconds(2)),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  @DisplayName(
      "a submission with a wrong hash is rejected at the Zustelldienst with a signed event")
  void rejectedAtServer() {
    String bad = simulator.publishMalformed(FORM);
    var batch = connector.port().fetch(FORM);
    assertThat(batch.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("SHA-512"));
    assertThat(simulator.rejected(bad)).isTrue();
    assertThat(connector.port().fetch(FORM).rejected()).as("not delivered again").isEmpty();
  }

  @Test
  @DisplayName("data not valid against its submission schema is rejected, naming the field")
  void schemaViolation() {
    String strict =
        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\""
            + FitConnectSimulator.SCHEMA
            + "\",\"type\":\"object\",\"required\":[\"antrag\"],\"properties\":{\"antrag\":{"
            + "\"type\":\"object\",\"required\":[\"aktenzeichen\"]}}}";
    String id = simulator.publish(FORM, fields(), pdf(), Map.of());
    FitConnectConnector checking =
        new FitConnectConnector(
            new FitConnectConfig(
                URI.create(simulator.url() + "/token"),
                simulator.url(),
                FitConnectSimulator.CLIENT_ID,
                FitConnectSimulator.CLIENT_SECRET,
                FitConnectSimulator.DESTINATION,
                decryptionKey,
                signingKey,
                Map.of(FitConnectSimulator.SCHEMA, strict),
                Duration.ofSeconds(2)),
            Clock.systemUTC());
    assertThat(checking.fetch(FORM).rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.submissionId()).isEqualTo(id);
              assertThat(r.reason()).contains("verletzen das Schema").contains("/antrag");
            });
    assertThat(simulator.rejected(id)).isTrue();
  }

  @Test
  @DisplayName("wrong client credentials are a refusal")
  void wrongSecret() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> connector("falsch").fetch(FORM))
        .hasMessageContaining("HTTP 401");
  }

  @Test
  @DisplayName("data announced with an unknown submission schema is rejected")
  void unknownSchema() throws Exception {
    String id = simulator.publish(FORM, fields(), pdf(), Map.of());
    FitConnectConnector strict =
        new FitConnectConnector(
            new FitConnectConfig(
                URI.create(simulator.url() + "/token"),
                simulator.url(),
                FitConnectSimulator.CLIENT_ID,
                FitConnectSimulator.CLIENT_SECRET,
                FitConnectSimulator.DESTINATION,
                decryptionKey,
                signingKey,
                Map.of(
                    "https://schema.fitko.de/fim/anderes.schema.json",
                    "{\"$id\":\"https://schema.fitko.de/fim/anderes.schema.json\"}"),
                Duration.ofSeconds(2)),
            Clock.systemUTC());
    assertThat(strict.fetch(FORM).rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.submissionId()).isEqualTo(id);
              assertThat(r.reason()).contains("Fachdatenschema");
            });
  }
}
