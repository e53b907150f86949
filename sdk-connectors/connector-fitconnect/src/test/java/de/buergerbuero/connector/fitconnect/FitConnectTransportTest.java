package de.buergerbuero.connector.fitconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Rest Clients meet besides HTTP statuses: timeouts, cut connections, foreign bodies. */
@DisplayName("FIT-Connect subscriber over a misbehaving network")
class FitConnectTransportTest {
  private static final Duration TIMEOUT = Duration.ofMillis(800);
  private static final String SERVICE = "urn:de:fim:leika:leistung:99123456760610";
  private static RSAKey key;
  private WireMockServer server;
  private FitConnectConnector connector;

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k").generate();
  }

  @BeforeEach
  void start() {
    server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    connector =
        new FitConnectConnector(
            new FitConnectConfig(
                URI.create(server.baseUrl() + "/token"),
                URI.create(server.baseUrl()),
                "client",
                "secret",
                "d2d43892-9d9c-4630-980a-5af341179b95",
                key,
                key,
                Map.of(),
                TIMEOUT),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private void tokenWorks() {
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"access_token\":\"t\",\"expires_in\":1800}")));
  }

  private void apiAnswers(ResponseDefinitionBuilder answer) {
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(answer));
  }

  private void fetchIsRetriedLater() {
    assertThatThrownBy(() -> connector.fetch(SERVICE))
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
    tokenWorks();
    apiAnswers(aResponse().withFixedDelay((int) TIMEOUT.toMillis() * 3).withBody("{}"));
    fetchIsRetriedLater();
  }

  @ParameterizedTest(name = "{0} at the token endpoint is retried later")
  @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
  void brokenConnections(String fault) {
    apiAnswers(aResponse().withFault(Fault.valueOf(fault)));
    fetchIsRetriedLater();
  }

  @ParameterizedTest(name = "a 200 answer with body {0} is retried later")
  @ValueSource(strings = {"<html>Wartung</html>", "{\"submissions\":", "[1,2]"})
  void foreignBodies(String body) {
    tokenWorks();
    apiAnswers(aResponse().withHeader("Content-Type", "application/json").withBody(body));
    fetchIsRetriedLater();
  }

  @Test
  @DisplayName("a token answer without access_token is retried later")
  void noToken() {
    apiAnswers(aResponse().withHeader("Content-Type", "application/json").withBody("{}"));
    fetchIsRetriedLater();
  }

  @Test
  @DisplayName("a redirect is not followed (it would carry the token along): a refusal")
  void redirect() {
    tokenWorks();
    apiAnswers(aResponse().withStatus(307).withHeader("Location", "http://example.org/v1"));
    assertThatThrownBy(() -> connector.fetch(SERVICE))
        .isInstanceOfSatisfying(
            FormServerException.class,
            e -> assertThat(e.errorCode()).isEqualTo(KernelError.FORM_SERVER_REFUSED));
  }
}
