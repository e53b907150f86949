package de.buergerbuero.connector.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 14 item 11: the intake of FIT-Connect submissions, one at a time and verified. */
@DisplayName("FIT-Connect intake hardening")
class FitConnectIntakeHardeningTest {
  static final String SERVICE = "urn:de:fim:leika:leistung:99001001000000";
  static RSAKey decryptionKey;
  static RSAKey signingKey;
  FitConnectSimulator simulator;
  FitConnectConnector connector;

  @BeforeAll
  static void keys() throws Exception {
    decryptionKey = new RSAKeyGenerator(2048).keyID("dest-enc").generate();
    signingKey = new RSAKeyGenerator(2048).keyID("dest-sig").generate();
  }

  @BeforeEach
  void start() throws Exception {
    simulator = new FitConnectSimulator(decryptionKey.toPublicJWK(), signingKey.toPublicJWK());
    connector =
        new FitConnectConnector(
            new FitConnectConfig(
                URI.create(simulator.url() + "/token"),
                simulator.url(),
                FitConnectSimulator.CLIENT_ID,
                FitConnectSimulator.CLIENT_SECRET,
                FitConnectSimulator.DESTINATION,
                decryptionKey,
                signingKey,
                Map.of(FitConnectSimulator.SCHEMA, FitConnectCompatibilityTest.PERMISSIVE),
                Duration.ofSeconds(2)),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private String publish(String text, Map<String, byte[]> files) {
    return simulator.submit(
        SERVICE,
        ("{\"antrag\":{\"text\":\"" + text + "\"}}").getBytes(StandardCharsets.UTF_8),
        "application/json",
        null,
        files,
        "%PDF-1.7 Antrag".getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> ids(FormServerPort.Batch batch) {
    return batch.submissions().stream().map(FormSubmission::submissionId).toList();
  }

  @Test
  @DisplayName(
      "a submission the Zustelldienst cannot serve now is skipped; the others go through and it"
          + " comes again next time")
  void failingSubmissionIsSkipped() {
    String broken = publish("eins", Map.of());
    String good = publish("zwei", Map.of());
    simulator.failSubmission(broken, 503);

    var batch = connector.fetch(SERVICE);

    assertThat(ids(batch)).containsExactly(good);
    assertThat(batch.rejected()).isEmpty();
    assertThat(simulator.rejected(broken)).as("not rejected: retried later").isFalse();
  }

  @Test
  @DisplayName(
      "one submission document of the wrong shape does not make the whole fetch unavailable")
  void wrongShapeIsSkipped() {
    String odd = publish("eins", Map.of());
    String good = publish("zwei", Map.of());
    simulator.answerSubmission(
        odd, "{\"submissionId\":\"" + odd + "\",\"serviceType\":\"kein Objekt\"}");

    var batch = connector.fetch(SERVICE);

    assertThat(ids(batch)).containsExactly(good);
  }

  @Test
  @DisplayName(
      "submissions are handed over one at a time and their attachments are readable only while"
          + " taken (spooled, not held in the heap)")
  void oneAtATime() throws Exception {
    String a = publish("eins", Map.of("Foto.jpg", new byte[] {1, 2, 3, 4}));
    String b = publish("zwei", Map.of("Foto.jpg", new byte[] {5, 6, 7}));
    List<FormSubmission> taken = new ArrayList<>();
    List<String> readWhileTaken = new ArrayList<>();
    connector.fetch(
        SERVICE,
        new FormServerPort.Receiver() {
          @Override
          public void accept(FormSubmission submission) {
            taken.add(submission);
            try (InputStream in = submission.attachments().get(0).content().open()) {
              readWhileTaken.add(java.util.Arrays.toString(in.readAllBytes()));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }

          @Override
          public void rejected(FormServerPort.Rejected rejected) {
            throw new AssertionError(rejected.reason());
          }
        });

    assertThat(taken).extracting(FormSubmission::submissionId).containsExactlyInAnyOrder(a, b);
    assertThat(readWhileTaken).containsExactlyInAnyOrder("[1, 2, 3, 4]", "[5, 6, 7]");
    assertThatThrownBy(() -> taken.get(0).attachments().get(0).content().open().close())
        .as("the spooled copy is gone once the submission was taken")
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  @DisplayName(
      "a submission whose parts do not carry the authentication tags of the Zustelldienst's"
          + " signed submit event is rejected (FIT-Connect: verify the submit-submission event)")
  void tagMismatchRejected() {
    String changed = publish("eins", Map.of("Foto.jpg", new byte[] {1, 2, 3}));
    String good = publish("zwei", Map.of());
    simulator.tamperSubmitEvent(
        changed, simulator.attachmentIds(changed).get(1), "AAAAAAAAAAAAAAAAAAAAAA");

    var batch = connector.fetch(SERVICE);

    assertThat(ids(batch)).containsExactly(good);
    assertThat(batch.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("Authentication-Tag"));
    assertThat(simulator.rejected(changed)).isTrue();
  }

  @Test
  @DisplayName("a submit event not signed by the Zustelldienst's key is refused")
  void forgedSubmitEventRejected() {
    String forged = publish("eins", Map.of());
    simulator.forgeSubmitEvent(forged);

    var batch = connector.fetch(SERVICE);

    assertThat(batch.submissions()).isEmpty();
    assertThat(batch.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("Signatur"));
  }

  @Test
  @DisplayName("the accept event names the authentication tags of metadata, data and attachments")
  void acceptCarriesAllTags() {
    String id = publish("eins", Map.of("Foto.jpg", new byte[] {1, 2, 3}));
    connector.fetch(SERVICE);
    connector.acknowledge(SERVICE, id);
    assertThat(simulator.acknowledged(id)).isTrue();
    assertThat(simulator.acceptedAttachmentTags(id))
        .containsOnlyKeys(simulator.attachmentIds(id).toArray(String[]::new));
  }
}
