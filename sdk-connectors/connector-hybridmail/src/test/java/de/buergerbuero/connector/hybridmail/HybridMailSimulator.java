package de.buergerbuero.connector.hybridmail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.buergerbuero.kernel.crypto.Hashes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A faithful simulator of the hybrid-mail service's published API (Pingen API v2, see
 * docs/connectors/hybridmail.md): OAuth2 client credentials, {@code GET /file-upload} with a signed
 * upload URL, the {@code PUT} of the PDF there, {@code POST
 * /organisations/{org}/deliveries/letters} (JSON:API, {@code Idempotency-Key}: the same key gives
 * the same letter), {@code GET …/letters/{id}}, and webhooks signed with {@code Signature} = hex
 * HMAC-SHA256 of the body. Loopback HTTP; the test-jar carries it for the reference app's tests.
 */
public final class HybridMailSimulator implements AutoCloseable {
  public static final String CLIENT_ID = "musterstadt";
  public static final String CLIENT_SECRET = "client-secret-nur-fuer-tests";
  public static final String ORGANISATION = "2f6b1f5e-0b3c-4c8a-9a51-4f1f0c3c2d11";
  static final Set<String> PRODUCTS = Set.of("cheap", "fast", "registered", "bulk", "premium");

  /** A letter as the print centre has it. */
  public record Letter(
      String id, String key, JsonObject attributes, byte[] pdf, AtomicReference<String> status) {}

  private final HttpServer server;
  private final String signingKey;
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Map<String, String[]> uploads = new ConcurrentHashMap<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Letter> byKey = new ConcurrentHashMap<>();
  private final List<Letter> letters = new CopyOnWriteArrayList<>();
  private final AtomicReference<Object[]> next = new AtomicReference<>();
  private volatile URI webhookTarget;

  public HybridMailSimulator(String signingKey, int port) throws IOException {
    this.signingKey = signingKey;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/auth/access-tokens", this::token);
    server.createContext("/file-upload", this::fileUpload);
    server.createContext("/storage/", this::storage);
    server.createContext("/organisations/", this::letters);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Where {@link #webhook} posts; none: webhooks are only built. */
  public void deliverWebhooksTo(URI target) {
    this.webhookTarget = target;
  }

  public List<Letter> letters() {
    return List.copyOf(letters);
  }

  public void answerNext(int status, String contentType, String body) {
    next.set(new Object[] {status, contentType, body});
  }

  public void reset() {
    letters.clear();
    byKey.clear();
    next.set(null);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A signed webhook as the service sends it; the letter's status changes accordingly. */
  public record Webhook(Map<String, String> headers, byte[] body, int answeredWith) {}

  /**
   * The service reports an event of a letter ({@code sent}, {@code undeliverable}, {@code issues})
   * and, when a target is set, posts the signed webhook there.
   */
  public Webhook webhook(String letterId, String category, String reason) throws Exception {
    Letter letter = letters.stream().filter(l -> l.id().equals(letterId)).findFirst().orElseThrow();
    letter.status().set(category.equals("issues") ? "action_required" : category);
    var attributes = Json.createObjectBuilder().add("created_at", Instant.now().toString());
    if (reason != null) {
      attributes.add("reason", reason);
    }
    byte[] body =
        Json.createObjectBuilder()
            .add(
                "data",
                Json.createObjectBuilder()
                    .add("id", UUID.randomUUID().toString())
                    .add("type", "webhook_" + category)
                    .add("attributes", attributes)
                    .add(
                        "relationships",
                        Json.createObjectBuilder()
                            .add("organisation", ref(ORGANISATION, "organisations"))
                            .add("letter", ref(letterId, "letters"))
                            .add("event", ref(UUID.randomUUID().toString(), "letters_events"))))
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    String signature =
        HexFormat.of()
            .formatHex(
                Hashes.hmac("HmacSHA256", signingKey.getBytes(StandardCharsets.UTF_8), body));
    Map<String, String> headers =
        Map.of("Signature", signature, "Content-Type", "application/vnd.api+json");
    int status = 0;
    if (webhookTarget != null) {
      HttpRequest.Builder post =
          HttpRequest.newBuilder(webhookTarget).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(post::header);
      status =
          HttpClient.newHttpClient()
              .send(post.build(), HttpResponse.BodyHandlers.discarding())
              .statusCode();
    }
    return new Webhook(headers, body, status);
  }

  private static JsonObject ref(String id, String type) {
    return Json.createObjectBuilder()
        .add("data", Json.createObjectBuilder().add("id", id).add("type", type))
        .build();
  }

  private void token(HttpExchange ex) throws IOException {
    try (ex) {
      if (canned(ex)) {
        return;
      }
      Map<String, String> form = new HashMap<>();
      for (String pair :
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2) {
          form.put(
              URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
              URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
      }
      if (!"client_credentials".equals(form.get("grant_type"))
          || !CLIENT_ID.equals(form.get("client_id"))
          || !CLIENT_SECRET.equals(form.get("client_secret"))) {
        answer(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
        return;
      }
      String token = UUID.randomUUID().toString();
      tokens.add(token);
      answer(
          ex,
          200,
          "application/json",
          "{\"token_type\":\"Bearer\",\"expires_in\":43200,\"access_token\":\"" + token + "\"}");
    }
  }

  private boolean authorized(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
      answer(ex, 401, "application/vnd.api+json", "{\"errors\":[{\"code\":\"unauthorized\"}]}");
      return false;
    }
    return true;
  }

  private void fileUpload(HttpExchange ex) throws IOException {
    try (ex) {
      if (canned(ex) || !authorized(ex)) {
        return;
      }
      String id = UUID.randomUUID().toString();
      String signature = UUID.randomUUID().toString().replace("-", "");
      String url = baseUrl() + "/storage/" + id + "?X-Amz-Signature=" + signature;
      uploads.put(url, new String[] {id, signature});
      answer(
          ex,
          200,
          "application/vnd.api+json",
          Json.createObjectBuilder()
              .add(
                  "data",
                  Json.createObjectBuilder()
                      .add("id", id)
                      .add("type", "file_uploads")
                      .add(
                          "attributes",
                          Json.createObjectBuilder()
                              .add("url", url)
                              .add("url_signature", signature)))
              .build()
              .toString());
    }
  }

  private void storage(HttpExchange ex) throws IOException {
    try (ex) {
      String url = baseUrl() + ex.getRequestURI().toString();
      if (!"PUT".equals(ex.getRequestMethod()) || !uploads.containsKey(url)) {
        answer(ex, 403, "text/plain", "SignatureDoesNotMatch");
        return;
      }
      files.put(url, ex.getRequestBody().readNBytes(64 << 20));
      answer(ex, 200, "text/plain", "");
    }
  }

  private void letters(HttpExchange ex) throws IOException {
    try (ex) {
      if (canned(ex) || !authorized(ex)) {
        return;
      }
      String[] path = ex.getRequestURI().getPath().split("/");
      // /organisations/{org}/deliveries/letters[/{id}]
      if (path.length < 5 || !ORGANISATION.equals(path[2]) || !"letters".equals(path[4])) {
        answer(ex, 404, "application/vnd.api+json", "{\"errors\":[{\"code\":\"not_found\"}]}");
        return;
      }
      if (path.length == 6 && "GET".equals(ex.getRequestMethod())) {
        Letter l = letters.stream().filter(x -> x.id().equals(path[5])).findFirst().orElse(null);
        if (l == null) {
          answer(ex, 404, "application/vnd.api+json", "{\"errors\":[{\"code\":\"not_found\"}]}");
        } else {
          answer(ex, 200, "application/vnd.api+json", document(l));
        }
        return;
      }
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      JsonObject attributes;
      try (var r =
          Json.createReader(
              new StringReader(
                  new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
        JsonObject data = r.readObject().getJsonObject("data");
        attributes = data.getJsonObject("attributes");
        if (!"letters".equals(data.getString("type"))
            || !PRODUCTS.contains(attributes.getString("delivery_product"))
            || !Set.of("simplex", "duplex").contains(attributes.getString("print_mode"))
            || !Set.of("color", "grayscale").contains(attributes.getString("print_spectrum"))) {
          throw new IllegalArgumentException();
        }
        JsonObject to = attributes.getJsonObject("meta_data").getJsonObject("recipient");
        for (String f : new String[] {"name", "street", "zip", "city", "country"}) {
          if (to.getString(f).isBlank()) {
            throw new IllegalArgumentException(f);
          }
        }
      } catch (RuntimeException e) {
        answer(ex, 422, "application/vnd.api+json", "{\"errors\":[{\"code\":\"invalid\"}]}");
        return;
      }
      Letter existing = key == null ? null : byKey.get(key);
      if (existing != null) {
        answer(ex, 201, "application/vnd.api+json", document(existing));
        return;
      }
      String url = attributes.getString("file_url");
      String[] upload = uploads.get(url);
      byte[] pdf = files.get(url);
      if (upload == null
          || pdf == null
          || !upload[1].equals(attributes.getString("file_url_signature"))) {
        answer(ex, 422, "application/vnd.api+json", "{\"errors\":[{\"code\":\"file_invalid\"}]}");
        return;
      }
      Letter letter =
          new Letter(
              UUID.randomUUID().toString(),
              key,
              attributes,
              pdf,
              new AtomicReference<>(
                  attributes.getBoolean("auto_send", false) ? "submitted" : "valid"));
      if (key != null && byKey.putIfAbsent(key, letter) != null) {
        answer(ex, 201, "application/vnd.api+json", document(byKey.get(key)));
        return;
      }
      letters.add(letter);
      answer(ex, 201, "application/vnd.api+json", document(letter));
    }
  }

  private static String document(Letter l) {
    return Json.createObjectBuilder()
        .add(
            "data",
            Json.createObjectBuilder()
                .add("id", l.id())
                .add("type", "letters")
                .add(
                    "attributes",
                    Json.createObjectBuilder()
                        .add("status", l.status().get())
                        .add("file_original_name", l.attributes().getString("file_original_name"))
                        .add("delivery_product", l.attributes().getString("delivery_product"))))
        .build()
        .toString();
  }

  private boolean canned(HttpExchange ex) throws IOException {
    Object[] c = next.getAndSet(null);
    if (c == null) {
      return false;
    }
    answer(ex, (Integer) c[0], (String) c[1], (String) c[2]);
    return true;
  }

  private static void answer(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
  }
}
