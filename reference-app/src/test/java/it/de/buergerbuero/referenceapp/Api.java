package it.de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BooleanSupplier;

/** A small HTTP client for the integration tests: real HTTP against the started Liberty server. */
final class Api {
  static final String BASE = "http://127.0.0.1:" + System.getProperty("http.port", "9080");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Api() {}

  static HttpRequest.Builder request(String path, String user) {
    return requestTo(BASE, path, user);
  }

  /** A request to another server than the one under test (ClusterIT: the load balancer). */
  static HttpRequest.Builder requestTo(String base, String path, String user) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<byte[]> sendBytes(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  static HttpResponse<String> postJson(String path, String user, String json) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static HttpResponse<String> postBytes(String path, String user, String contentType, byte[] body) {
    return send(
        request(path, user)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  static JsonObject object(HttpResponse<String> r) {
    return (JsonObject) parse(r.body());
  }

  static JsonArray array(HttpResponse<String> r) {
    return (JsonArray) parse(r.body());
  }

  static JsonStructure parse(String body) {
    return Json.createReader(new StringReader(body)).read();
  }

  /** Asserts a problem+json answer with the given status and stable code; returns it. */
  static JsonObject assertProblem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonObject p = object(r);
    assertThat(p.getString("code")).isEqualTo(code);
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(p.getString("type")).startsWith("https://");
    assertThat(p.getString("title")).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return p;
  }

  /** Submits an application as JSON and asserts 201. */
  static JsonObject submit(String user, String serviceId, String formData) {
    return submit(user, null, serviceId, formData);
  }

  /**
   * Submits as the development login's user with this eIDAS trust level (header {@code
   * X-Development-Trust-Level}; null: the account's own) and asserts 201.
   */
  static JsonObject submit(String user, String trustLevel, String serviceId, String formData) {
    HttpRequest.Builder request =
        request("/api/v1/applications", user)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"serviceId\":\"" + serviceId + "\",\"formData\":" + formData + "}"));
    if (trustLevel != null) {
      request.header("X-Development-Trust-Level", trustLevel);
    }
    HttpResponse<String> r = send(request.build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return object(r);
  }

  static final String PARKING =
      "{\"licensePlate\":\"MS-AB 123\",\"zone\":\"A\",\"vehicleHolder\":true}";
  static final String BULKY_WASTE =
      "{\"address\":{\"street\":\"Hauptstraße 1\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"},"
          + "\"items\":[\"Sofa\",\"Schrank\"]}";

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Timed out waiting for: " + what);
  }

  static String status(String user, String id) {
    return object(get("/api/v1/applications/" + id, user)).getString("status");
  }

  /** The pending outbox entry of an application that has a failed attempt, or null. */
  static JsonObject pendingWithError(String applicationId) {
    return array(
            get("/api/v1/admin/outbox?state=PENDING&type=dms.file-application&limit=1000", "admin"))
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(o -> o.getString("idempotencyKey").endsWith(applicationId))
        .filter(o -> o.containsKey("lastError"))
        .findFirst()
        .orElse(null);
  }
}
