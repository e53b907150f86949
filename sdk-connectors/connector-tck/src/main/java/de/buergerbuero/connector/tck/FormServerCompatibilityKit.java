package de.buergerbuero.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compatibility kit of form-server connectors (MACH formsolutions, FIT-Connect, …): fetch, map,
 * acknowledge, duplicate delivery, malformed and hostile payloads, server errors. The connector's
 * test provides the connector and a simulator of its server.
 */
public abstract class FormServerCompatibilityKit {

  /** Controls the form server behind the connector under test. */
  public interface Simulator {
    /**
     * Publishes a completed form; {@code fields} are path → text (paths like {@code /antrag/name})
     * and are encoded the way the real server would. Returns the submission id.
     */
    String publish(
        String formId, Map<String, String> fields, byte[] pdf, Map<String, byte[]> attachments);

    /** Publishes a submission whose content cannot be decoded. Returns its id. */
    String publishMalformed(String formId);

    /** Publishes a submission whose XML carries a DTD with an external entity. Returns its id. */
    String publishHostileXml(String formId);

    /** Whether the server has the submission as acknowledged (it will not deliver it again). */
    boolean acknowledged(String submissionId);

    /** Answers every request with this HTTP status from now on; 0 returns to normal. */
    void failWith(int httpStatus);
  }

  /** The connector and its server. */
  public record Connector(FormServerPort port, Simulator server) {}

  /** Creates the connector talking to a fresh, empty simulated server. */
  protected abstract Connector create() throws Exception;

  protected static final String FORM = "ANTRAG-4711";
  protected Connector connector;

  @BeforeEach
  void createConnector() throws Exception {
    connector = create();
  }

  protected static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("/antrag/name", "Erika Mustermann");
    f.put("/antrag/anschrift/strasse", "Hauptstraße 1");
    f.put("/antrag/anschrift/ort", "Musterstadt");
    f.put("/antrag/grund", "Umzug & \"Neubeginn\" <sofort>");
    return f;
  }

  protected static byte[] pdf() {
    return "%PDF-1.7 Antrag Erika Mustermann".getBytes(StandardCharsets.UTF_8);
  }

  protected static byte[] read(de.buergerbuero.kernel.spi.dms.CaseDocument doc) throws IOException {
    try (InputStream in = doc.content().open()) {
      return in.readAllBytes();
    }
  }

  private FormSubmission only(String submissionId) {
    List<FormSubmission> found =
        connector.port().fetch(FORM).submissions().stream()
            .filter(s -> s.submissionId().equals(submissionId))
            .toList();
    assertThat(found).as("fetched " + submissionId).hasSize(1);
    return found.get(0);
  }

  @Nested
  @DisplayName("Fetching")
  class Fetching {
    @Test
    @DisplayName(
        "a new submission comes with its fields, its PDF and its attachments, byte for byte")
    void fetchesEverything() throws Exception {
      byte[] photo = new byte[3000];
      new java.util.Random(3).nextBytes(photo);
      String id =
          connector.server().publish(FORM, fields(), pdf(), Map.of("Passfoto Müller.jpg", photo));
      FormSubmission s = only(id);
      assertThat(s.formId()).isEqualTo(FORM);
      assertThat(s.fields()).containsAllEntriesOf(fields());
      assertThat(read(s.pdf())).isEqualTo(pdf());
      assertThat(s.attachments()).hasSize(1);
      assertThat(s.attachments().get(0).fileName()).isEqualTo("Passfoto Müller.jpg");
      assertThat(read(s.attachments().get(0))).isEqualTo(photo);
      assertThat(s.submittedAt()).isNotNull();
    }

    @Test
    @DisplayName("submissions of other forms are not fetched")
    void onlyThisForm() {
      connector.server().publish("ANDERES-FORMULAR", fields(), pdf(), Map.of());
      assertThat(connector.port().fetch(FORM).submissions()).isEmpty();
    }
  }

  @Nested
  @DisplayName("Acknowledging and duplicate delivery")
  class Acknowledging {
    @Test
    @DisplayName("until acknowledged a submission is delivered again, with the same id")
    void atLeastOnce() {
      String id = connector.server().publish(FORM, fields(), pdf(), Map.of());
      assertThat(only(id).submissionId()).isEqualTo(only(id).submissionId());
      assertThat(connector.server().acknowledged(id)).isFalse();
    }

    @Test
    @DisplayName("an acknowledged submission is closed at the server and not fetched again")
    void acknowledge() {
      String id = connector.server().publish(FORM, fields(), pdf(), Map.of());
      only(id);
      connector.port().acknowledge(FORM, id);
      assertThat(connector.server().acknowledged(id)).isTrue();
      assertThat(connector.port().fetch(FORM).submissions()).isEmpty();
      connector.port().acknowledge(FORM, id); // twice is harmless
    }
  }

  @Nested
  @DisplayName("Malformed and hostile payloads")
  class BadPayloads {
    @Test
    @DisplayName("a malformed submission is reported as rejected and does not block the others")
    void malformed() {
      String bad = connector.server().publishMalformed(FORM);
      String good = connector.server().publish(FORM, fields(), pdf(), Map.of());
      var batch = connector.port().fetch(FORM);
      assertThat(batch.submissions())
          .extracting(FormSubmission::submissionId)
          .containsExactly(good);
      assertThat(batch.rejected())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.submissionId()).isEqualTo(bad);
                assertThat(r.reason()).isNotBlank();
              });
    }

    @Test
    @DisplayName("XML with a DTD or an external entity is rejected, never expanded")
    void hostileXml() {
      String bad = connector.server().publishHostileXml(FORM);
      var batch = connector.port().fetch(FORM);
      assertThat(batch.submissions()).isEmpty();
      assertThat(batch.rejected())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.submissionId()).isEqualTo(bad);
                assertThat(r.reason()).doesNotContain("root:");
              });
    }
  }

  @Nested
  @DisplayName("Server errors")
  class ServerErrors {
    @ParameterizedTest(name = "HTTP {0} is retried later")
    @ValueSource(ints = {500, 502, 503, 504, 429})
    void outages(int status) {
      connector.server().failWith(status);
      assertThatThrownBy(() -> connector.port().fetch(FORM))
          .isInstanceOfSatisfying(
              FormServerException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(KernelError.FORM_SERVER_UNAVAILABLE);
                assertThat(e.isRetryable()).isTrue();
              });
    }

    @ParameterizedTest(name = "HTTP {0} is a refusal, not retried")
    @ValueSource(ints = {401, 403})
    void refusals(int status) {
      connector.server().failWith(status);
      assertThatThrownBy(() -> connector.port().fetch(FORM))
          .isInstanceOfSatisfying(
              FormServerException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(KernelError.FORM_SERVER_REFUSED);
                assertThat(e.isRetryable()).isFalse();
              });
    }

    @Test
    @DisplayName("an acknowledgement that fails leaves the submission open for the next fetch")
    void failedAcknowledgement() {
      String id = connector.server().publish(FORM, fields(), pdf(), Map.of());
      only(id);
      connector.server().failWith(503);
      assertThatThrownBy(() -> connector.port().acknowledge(FORM, id))
          .isInstanceOf(FormServerException.class);
      connector.server().failWith(0);
      assertThat(connector.server().acknowledged(id)).isFalse();
      assertThat(only(id).submissionId()).isEqualTo(id);
    }
  }
}
