package de.buergerbuero.connector.formsolutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.connector.tck.FormServerCompatibilityKit;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("formsolutions connector against the Submission-API v2 simulator")
class FormsolutionsCompatibilityTest extends FormServerCompatibilityKit {
  private FormsolutionsSimulator simulator;

  @Override
  protected Connector create() throws Exception {
    simulator = new FormsolutionsSimulator();
    return new Connector(connector(FormsolutionsSimulator.API_KEY), simulator);
  }

  private FormsolutionsConnector connector(String apiKey) {
    return new FormsolutionsConnector(
        new FormsolutionsConfig(
            simulator.url(),
            FormsolutionsSimulator.MANDANT,
            FormsolutionsSimulator.CLIENT,
            apiKey,
            Duration.ofSeconds(2)));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  @DisplayName("an XML payload becomes the same paths, repeated elements indexed")
  void xmlPayload() {
    String id =
        simulator.publishXml(
            FORM,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><antrag><name>Erika Mustermann</name>"
                + "<kind><vorname>Max</vorname></kind><kind><vorname>Moritz</vorname></kind>"
                + "<grund><![CDATA[Umzug & mehr]]></grund></antrag>");
    FormSubmission s = connector.port().fetch(FORM).submissions().get(0);
    assertThat(s.submissionId()).isEqualTo(id);
    assertThat(s.fields())
        .containsEntry("/antrag/name", "Erika Mustermann")
        .containsEntry("/antrag/kind/vorname", "Max")
        .containsEntry("/antrag/kind/1/vorname", "Moritz")
        .containsEntry("/antrag/grund", "Umzug & mehr");
    assertThat(s.submittedAt()).isEqualTo(Instant.parse("2026-11-27T09:15:30Z"));
  }

  @Test
  @DisplayName("wrong credentials are a refusal naming what to check")
  void wrongApiKey() {
    assertThatThrownBy(() -> connector("falsch").fetch(FORM))
        .isInstanceOfSatisfying(
            FormServerException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(KernelError.FORM_SERVER_REFUSED);
              assertThat(e.getMessage()).contains("Zugangsdaten").doesNotContain("falsch");
            });
  }

  @Test
  @DisplayName("preliminary, hidden and deleted submissions are not delivered")
  void statuses() {
    for (String status : new String[] {"PRELIMINARY", "HIDDEN", "DELETED", "CLOSED"}) {
      simulator.setStatus(simulator.publish(FORM, fields(), pdf(), java.util.Map.of()), status);
    }
    String open = simulator.publish(FORM, fields(), pdf(), java.util.Map.of());
    assertThat(connector.port().fetch(FORM).submissions())
        .extracting(FormSubmission::submissionId)
        .containsExactly(open);
  }
}
