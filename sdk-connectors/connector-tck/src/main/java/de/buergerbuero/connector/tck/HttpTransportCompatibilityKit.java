package de.buergerbuero.connector.tck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import de.buergerbuero.connector.tck.DocumentStoreCompatibilityKit.Store;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport kit for DMS connectors that speak HTTP: a WireMock server plays a DMS that
 * misbehaves in every way HTTP allows, and every connector must turn each into the same documented
 * error, so the outbox treats all connectors alike.
 *
 * <table>
 *   <caption>What the DMS answers → what the connector raises</caption>
 *   <tr><th>Answer</th><th>Error code</th><th>Retried by the outbox</th></tr>
 *   <tr><td>400, 401, 403, 404, 405, 409 on every request</td><td>DOCUMENT_STORE_REFUSED (BB-1021)</td><td>no</td></tr>
 *   <tr><td>413</td><td>DOCUMENT_REJECTED (BB-1022)</td><td>no</td></tr>
 *   <tr><td>408, 429, 500, 502, 503, 504</td><td>DOCUMENT_STORE_UNAVAILABLE (BB-1020)</td><td>yes</td></tr>
 *   <tr><td>no answer within the timeout, connection reset, empty answer</td><td>DOCUMENT_STORE_UNAVAILABLE</td><td>yes</td></tr>
 *   <tr><td>2xx with a body that is not the protocol's (HTML, cut JSON, garbage)</td><td>DOCUMENT_STORE_UNAVAILABLE</td><td>yes</td></tr>
 *   <tr><td>reading a document: 404</td><td>NO_SUCH_DOCUMENT (BB-1023)</td><td>–</td></tr>
 * </table>
 *
 * <p>A 409 that the protocol defines as "already exists" is the connector's own business (it is how
 * idempotent filing meets a parallel filing); the kit checks only a 409 that persists.
 *
 * <pre>
 * class MyDmsTransportTest extends HttpTransportCompatibilityKit {
 *   protected Store createStore(URI url, Duration timeout) { MyDms dms = ...; return new Store(dms, dms); }
 * }
 * </pre>
 */
public abstract class HttpTransportCompatibilityKit {

  /** The per-request timeout the connector is configured with; the slow answers take longer. */
  protected static final Duration TIMEOUT = Duration.ofMillis(800);

  /**
   * Creates the connector under test, configured to talk to {@code serviceUrl} (the WireMock
   * server, with {@link #servicePath()}) with the given timeout.
   */
  protected abstract Store createStore(URI serviceUrl, Duration timeout) throws Exception;

  /** The path of the DMS service below the server, e.g. {@code /cmis/browser}. */
  protected String servicePath() {
    return "/dms";
  }

  protected WireMockServer dms;
  protected Store store;

  @BeforeEach
  void startMisbehavingDms() throws Exception {
    dms =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    dms.start();
    store = createStore(URI.create(dms.baseUrl() + servicePath()), TIMEOUT);
  }

  @AfterEach
  void stopDms() {
    dms.stop();
  }

  /** Every request, whatever its method and path, gets this answer. */
  protected void everyRequestAnswers(ResponseDefinitionBuilder answer) {
    dms.stubFor(any(anyUrl()).willReturn(answer));
  }

  protected static CaseRecord aCase() {
    byte[] bytes = "Antrag".getBytes(StandardCharsets.UTF_8);
    return new CaseRecord(
        "MS-2026-000100",
        "Meldebescheinigung",
        Map.of("serviceId", "meldebescheinigung"),
        List.of(
            new CaseDocument(
                "antrag.txt", "text/plain", bytes.length, () -> new ByteArrayInputStream(bytes))));
  }

  protected void filingFailsWith(KernelError code, boolean retryable) {
    assertThatThrownBy(() -> store.filing().fileCase(UUID.randomUUID().toString(), aCase()))
        .isInstanceOfSatisfying(
            DocumentStoreException.class,
            e -> {
              assertThat(e.errorCode()).as("error code").isEqualTo(code);
              assertThat(e.isRetryable()).as("retryable").isEqualTo(retryable);
            });
  }

  protected void readingFailsWith(KernelError code) {
    assertThatThrownBy(() -> store.reading().openDocument("4711").close())
        .isInstanceOfSatisfying(
            DocumentStoreException.class,
            e -> assertThat(e.errorCode()).as("error code").isEqualTo(code));
  }

  @Nested
  @DisplayName("Refusals")
  class Refusals {
    @ParameterizedTest(name = "HTTP {0} on every request is a permanent refusal")
    @ValueSource(ints = {400, 401, 403, 404, 405, 409})
    void clientErrors(int status) {
      everyRequestAnswers(
          aResponse()
              .withStatus(status)
              .withHeader("Content-Type", "application/json")
              .withBody("{\"exception\":\"runtime\",\"message\":\"nein\"}"));
      filingFailsWith(KernelError.DOCUMENT_STORE_REFUSED, false);
    }

    @Test
    @DisplayName("HTTP 413 rejects the document for good")
    void tooLarge() {
      everyRequestAnswers(aResponse().withStatus(413));
      filingFailsWith(KernelError.DOCUMENT_REJECTED, false);
    }

    @Test
    @DisplayName("a refusal with an HTML error page instead of the protocol's body is still one")
    void htmlRefusal() {
      everyRequestAnswers(
          aResponse()
              .withStatus(403)
              .withHeader("Content-Type", "text/html")
              .withBody("<html><body>Forbidden</body></html>"));
      filingFailsWith(KernelError.DOCUMENT_STORE_REFUSED, false);
    }
  }

  @Nested
  @DisplayName("Outages")
  class Outages {
    @ParameterizedTest(name = "HTTP {0} is a retryable outage")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void serverErrors(int status) {
      everyRequestAnswers(aResponse().withStatus(status).withBody("busy"));
      filingFailsWith(KernelError.DOCUMENT_STORE_UNAVAILABLE, true);
    }

    @Test
    @DisplayName("no answer within the timeout is a retryable outage")
    void timeout() {
      everyRequestAnswers(
          aResponse().withStatus(200).withFixedDelay((int) TIMEOUT.toMillis() * 3).withBody("{}"));
      filingFailsWith(KernelError.DOCUMENT_STORE_UNAVAILABLE, true);
    }

    @ParameterizedTest(name = "{0} is a retryable outage")
    @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
    void brokenConnections(String fault) {
      everyRequestAnswers(aResponse().withFault(Fault.valueOf(fault)));
      filingFailsWith(KernelError.DOCUMENT_STORE_UNAVAILABLE, true);
    }

    @Test
    @DisplayName("a server that is gone is a retryable outage")
    void serverGone() {
      dms.stop();
      filingFailsWith(KernelError.DOCUMENT_STORE_UNAVAILABLE, true);
    }
  }

  @Nested
  @DisplayName("Malformed answers")
  class MalformedAnswers {
    @ParameterizedTest(name = "a 200 answer with body {0} is a retryable outage")
    @ValueSource(
        strings = {"<html><body>Wartungsarbeiten</body></html>", "{\"succinctProp", "", "[1,2]"})
    void malformedBodies(String body) {
      everyRequestAnswers(
          aResponse()
              .withStatus(200)
              .withHeader("Content-Type", "application/json")
              .withBody(body));
      filingFailsWith(KernelError.DOCUMENT_STORE_UNAVAILABLE, true);
    }

    @ParameterizedTest(name = "{0} is a retryable outage")
    @ValueSource(strings = {"MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void brokenBodies(String fault) {
      everyRequestAnswers(aResponse().withFault(Fault.valueOf(fault)));
      filingFailsWith(KernelError.DOCUMENT_STORE_UNAVAILABLE, true);
    }
  }

  @Nested
  @DisplayName("Reading documents")
  class Reading {
    @Test
    @DisplayName("404 is NO_SUCH_DOCUMENT")
    void missing() {
      everyRequestAnswers(aResponse().withStatus(404));
      readingFailsWith(KernelError.NO_SUCH_DOCUMENT);
    }

    @ParameterizedTest(name = "HTTP {0} while reading is a refusal")
    @ValueSource(ints = {401, 403})
    void refused(int status) {
      everyRequestAnswers(aResponse().withStatus(status));
      readingFailsWith(KernelError.DOCUMENT_STORE_REFUSED);
    }

    @ParameterizedTest(name = "HTTP {0} while reading is an outage")
    @ValueSource(ints = {500, 503})
    void unavailable(int status) {
      everyRequestAnswers(aResponse().withStatus(status));
      readingFailsWith(KernelError.DOCUMENT_STORE_UNAVAILABLE);
    }

    @Test
    @DisplayName("no answer within the timeout while reading is an outage")
    void timeout() {
      everyRequestAnswers(aResponse().withStatus(200).withFixedDelay((int) TIMEOUT.toMillis() * 3));
      readingFailsWith(KernelError.DOCUMENT_STORE_UNAVAILABLE);
    }
  }
}
