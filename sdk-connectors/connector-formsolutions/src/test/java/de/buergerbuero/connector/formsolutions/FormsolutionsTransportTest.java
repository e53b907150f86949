package de.buergerbuero.connector.formsolutions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Rest Client meets besides HTTP statuses: timeouts, cut connections, foreign bodies. */
@DisplayName("formsolutions connector over a misbehaving network")
class FormsolutionsTransportTest {
  private static final Duration TIMEOUT = Duration.ofMillis(800);
  private WireMockServer server;
  private FormsolutionsConnector connector;

  @BeforeEach
  void start() {
    server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    connector =
        new FormsolutionsConnector(
            new FormsolutionsConfig(
                URI.create(server.baseUrl() + "/"), "musterstadt", "4711", "geheim", TIMEOUT));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private void everyRequestAnswers(ResponseDefinitionBuilder answer) {
    server.stubFor(any(anyUrl()).willReturn(answer));
  }

  private void fetchIsRetriedLater() {
    assertThatThrownBy(() -> connector.fetch("ANTRAG-4711"))
        .isInstanceOfSatisfying(
            FormServerException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(KernelError.FORM_SERVER_UNAVAILABLE);
              assertThat(e.isRetryable()).isTrue();
            });
  }

  @Test
  @DisplayName("no answer within the timeout is retried later")
  void timeout() {
    everyRequestAnswers(
        aResponse().withStatus(200).withFixedDelay((int) TIMEOUT.toMillis() * 3).withBody("[]"));
    fetchIsRetriedLater();
  }

  @ParameterizedTest(name = "{0} is retried later")
  @ValueSource(
      strings = {
        "CONNECTION_RESET_BY_PEER",
        "EMPTY_RESPONSE",
        "MALFORMED_RESPONSE_CHUNK",
        "RANDOM_DATA_THEN_CLOSE"
      })
  void brokenConnections(String fault) {
    everyRequestAnswers(aResponse().withFault(Fault.valueOf(fault)));
    fetchIsRetriedLater();
  }

  @ParameterizedTest(name = "a 200 answer with body {0} is retried later")
  @ValueSource(
      strings = {
        "<html><body>Wartungsarbeiten</body></html>",
        "[{\"transID\"",
        "{\"transID\":\"x\"}",
        ""
      })
  void foreignBodies(String body) {
    everyRequestAnswers(
        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
    fetchIsRetriedLater();
  }

  @Test
  @DisplayName("an entry of the wrong shape is rejected alone and does not block the others")
  void wrongShape() {
    everyRequestAnswers(
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "[{\"transID\":\"A-1\",\"status\":\"NEW\",\"attachments\":{\"x\":1}},"
                    + "\"kein Objekt\","
                    + "{\"transID\":\"B-2\",\"status\":\"READ\",\"payload\":{\"n\":\"1\"}}]"));
    var batch = connector.fetch("ANTRAG-4711");
    assertThat(batch.submissions())
        .singleElement()
        .satisfies(s -> assertThat(s.submissionId()).isEqualTo("B-2"));
    assertThat(batch.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.submissionId()).isEqualTo("A-1");
              assertThat(r.reason()).contains("Submission-API");
            });
  }

  @Test
  @DisplayName("a redirect is not followed (it would carry the credentials along): a refusal")
  void redirect() {
    everyRequestAnswers(
        aResponse().withStatus(302).withHeader("Location", "http://example.org/elsewhere"));
    assertThatThrownBy(() -> connector.fetch("ANTRAG-4711"))
        .isInstanceOfSatisfying(
            FormServerException.class,
            e -> assertThat(e.errorCode()).isEqualTo(KernelError.FORM_SERVER_REFUSED));
  }

  @Test
  @DisplayName("an unknown Mandant or form (404) is a refusal naming what to check")
  void unknownForm() {
    everyRequestAnswers(aResponse().withStatus(404));
    assertThatThrownBy(() -> connector.fetch("ANTRAG-4711"))
        .isInstanceOfSatisfying(
            FormServerException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(KernelError.FORM_SERVER_REFUSED);
              assertThat(e.getMessage()).contains("HTTP 404").contains("Mandant");
            });
  }

  @Test
  @DisplayName("acknowledging a submission the server no longer has (404) is fine")
  void acknowledgeGone() {
    server.stubFor(put(urlPathMatching(".*/status")).willReturn(aResponse().withStatus(404)));
    connector.acknowledge("ANTRAG-4711", "T-1");
    server.verify(
        putRequestedFor(
            urlEqualTo("/submission/api/v2/submission/musterstadt/ANTRAG-4711/T-1/status")));
  }

  @Test
  @DisplayName("a pushed submission that is not a JSON object is malformed, not an outage")
  void malformedPush() {
    for (String body : new String[] {"[1,2]", "{\"transID\"", "kein JSON"}) {
      assertThatThrownBy(
              () -> connector.pushed("ANTRAG-4711", body.getBytes(StandardCharsets.UTF_8)))
          .as(body)
          .isInstanceOfSatisfying(
              FormServerException.class,
              e -> assertThat(e.errorCode()).isEqualTo(KernelError.FORM_SUBMISSION_MALFORMED));
    }
  }

  @Test
  @DisplayName("a pushed submission is read like a fetched one")
  void push() {
    var s =
        connector.pushed(
            "ANTRAG-4711",
            ("{\"transID\":\"T-9\",\"status\":\"NEW\",\"payload\":{\"antrag\":{\"name\":\"Erika\","
                    + "\"kinder\":2,\"eilig\":true}},\"pdf\":\"JVBERg==\"}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(s.submissionId()).isEqualTo("T-9");
    assertThat(s.fields())
        .containsEntry("/antrag/name", "Erika")
        .containsEntry("/antrag/kinder", "2")
        .containsEntry("/antrag/eilig", "true");
    assertThat(s.pdf().size()).isEqualTo(4);
  }
}
