package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.array;
import static it.de.buergerbuero.referenceapp.Api.assertProblem;
import static it.de.buergerbuero.referenceapp.Api.await;
import static it.de.buergerbuero.referenceapp.Api.get;
import static it.de.buergerbuero.referenceapp.Api.object;
import static it.de.buergerbuero.referenceapp.Api.request;
import static it.de.buergerbuero.referenceapp.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import de.buergerbuero.connector.fitconnect.CallbackVerifier;
import de.buergerbuero.connector.fitconnect.FitConnectSimulator;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reference app subscribes to the FIT-Connect simulator (integration-test profile, service type
 * urn:de:fim:leika:leistung:99018050000000 → laermbeschwerde, see forms/mappings.json). The
 * simulator encrypts like a sender with the public parts of the test keys.
 */
@DisplayName("Form intake from FIT-Connect")
class FitConnectIntakeIT {
  private static final String SERVICE_TYPE = "urn:de:fim:leika:leistung:99018050000000";
  private static final String CALLBACK_SECRET =
      "musterstadt-callback-secret-nur-fuer-tests-0123456789";
  private static FitConnectSimulator zustelldienst;

  @BeforeAll
  static void start() throws Exception {
    Path keys = Path.of(System.getProperty("fitconnect.keys"));
    RSAKey decryption =
        RSAKey.parse(Files.readString(keys.resolve("test-decryption-key.jwk.json")));
    RSAKey signing = RSAKey.parse(Files.readString(keys.resolve("test-signing-key.jwk.json")));
    zustelldienst =
        new FitConnectSimulator(
            decryption.toPublicJWK(),
            signing.toPublicJWK(),
            Integer.parseInt(System.getProperty("fitconnect.port")));
  }

  @AfterAll
  static void stop() {
    zustelldienst.close();
  }

  private static HttpResponse<String> callback(String timestamp, String hmac, String body) {
    return send(
        request("/api/v1/forms/fitconnect/callbacks", null)
            .header("Content-Type", "application/json")
            .header("callback-timestamp", timestamp)
            .header("callback-authentication", hmac)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  @DisplayName(
      "an encrypted submission announced by an authentic callback becomes anna's application and is accepted with a signed event")
  void intake() {
    String description = "Baulärm nachts – FitConnectIntakeIT " + System.nanoTime();
    String data =
        "{\"antragsteller\":{\"postfach\":\"dev-bpk2-anna\",\"name\":\"Anna Muster\"},"
            + "\"ort\":{\"strasse\":\"Hauptstraße 1\",\"plz\":\"12345\",\"gemeinde\":\"Musterstadt\"},"
            + "\"sachverhalt\":\""
            + description
            + "\"}";
    String id =
        zustelldienst.submit(
            SERVICE_TYPE,
            data.getBytes(StandardCharsets.UTF_8),
            "application/json",
            null,
            Map.of("Laermprotokoll.jpg", new byte[] {9, 8, 7}),
            ("%PDF-1.7 " + description).getBytes(StandardCharsets.UTF_8));

    String body =
        "{\"type\":\"https://schema.fitko.de/fit-connect/callbacks/new-submissions\",\"submissionIds\":[\""
            + id
            + "\"]}";
    String now = Long.toString(Instant.now().getEpochSecond());
    CallbackVerifier sender = new CallbackVerifier(CALLBACK_SECRET, Clock.systemUTC());
    assertProblem(
        callback(
            now, "00" + sender.sign(now, body.getBytes(StandardCharsets.UTF_8)).substring(2), body),
        401,
        "BB-1006");
    String old = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());
    assertProblem(
        callback(old, sender.sign(old, body.getBytes(StandardCharsets.UTF_8)), body),
        401,
        "BB-1006");
    String hmac = sender.sign(now, body.getBytes(StandardCharsets.UTF_8));
    assertThat(callback(now, hmac, body).statusCode()).isEqualTo(200);
    assertProblem(callback(now, hmac, body), 401, "BB-1006");

    await(
        "accepted at the Zustelldienst",
        Duration.ofSeconds(60),
        () -> zustelldienst.acknowledged(id));
    List<JsonObject> mine =
        array(get("/api/v1/applications", "anna")).getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("serviceId").equals("laermbeschwerde"))
            .map(a -> object(get("/api/v1/applications/" + a.getString("id"), "anna")))
            .filter(
                a ->
                    a.getJsonArray("attachments").size() == 2
                        && a.getJsonArray("attachments")
                            .getJsonObject(1)
                            .getString("fileName")
                            .equals("Laermprotokoll.jpg"))
            .toList();
    assertThat(mine).isNotEmpty();
    String applicationId = mine.get(mine.size() - 1).getString("id");
    // the clerk of the service's department sees it, and it is filed in the DMS (RECEIVED)
    assertThat(get("/api/v1/staff/applications/" + applicationId, "clerk-ordnung").statusCode())
        .isEqualTo(200);
    await(
        "filed in the DMS",
        Duration.ofSeconds(60),
        () -> "RECEIVED".equals(Api.status("anna", applicationId)));
  }

  @Test
  @DisplayName(
      "a submission whose data does not match its announced hash is rejected at the Zustelldienst, nothing is stored")
  void tampered() {
    String id = zustelldienst.publishMalformed(SERVICE_TYPE);
    await("rejected with a signed event", Duration.ofSeconds(60), () -> zustelldienst.rejected(id));
    assertThat(get("/api/v1/admin/forms/problems", "admin").body())
        .contains(id)
        .contains("SHA-512");
  }
}
