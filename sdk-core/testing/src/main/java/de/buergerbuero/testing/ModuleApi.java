package de.buergerbuero.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A small HTTP client for a module's REST API in an Arquillian deployment: real HTTP against the
 * deployed WAR ({@code @ArquillianResource URL}), sent as a {@link TestCaller}.
 */
public final class ModuleApi {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String base;

  public ModuleApi(URL deployment) {
    String url = deployment.toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** A request to {@code path} below the deployment (e.g. {@code /api/v1/services}). */
  public HttpRequest.Builder request(String path, TestCaller as) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (as != null && as.header() != null) {
      b.header(TestCaller.HEADER, as.header());
    }
    return b;
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    }
  }

  public HttpResponse<byte[]> sendBytes(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    }
  }

  public HttpResponse<String> get(String path, TestCaller as) {
    return send(request(path, as).GET().build());
  }

  public HttpResponse<String> postJson(String path, TestCaller as, String json) {
    return send(
        request(path, as)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> post(String path, TestCaller as, String contentType, byte[] body) {
    return send(
        request(path, as)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** Asserts status 200 and returns the body as a JSON object. */
  public JsonObject getObject(String path, TestCaller as) {
    return object(ok(get(path, as)));
  }

  /** Asserts status 200 and returns the body as a list of JSON objects. */
  public List<JsonObject> getList(String path, TestCaller as) {
    return array(ok(get(path, as))).getValuesAs(JsonObject.class);
  }

  public static HttpResponse<String> ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r;
  }

  public static JsonObject object(HttpResponse<String> r) {
    return (JsonObject) parse(r.body());
  }

  public static JsonArray array(HttpResponse<String> r) {
    return (JsonArray) parse(r.body());
  }

  public static JsonStructure parse(String body) {
    return Json.createReader(new StringReader(body)).read();
  }

  /** Asserts an RFC 9457 problem+json answer with the status and stable code; returns it. */
  public static JsonObject assertProblem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonObject p = object(r);
    assertThat(p.getString("code")).isEqualTo(code);
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return p;
  }

  /** Waits until the condition holds (asynchronous work such as the outbox), at most timeout. */
  public static void await(String what, Duration timeout, BooleanSupplier condition) {
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
}
