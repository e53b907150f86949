package de.buergerbuero.connector.formsolutions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.buergerbuero.connector.tck.FormServerCompatibilityKit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A faithful simulator of the formsolutions Submission-API v2 as the connector documents it: a JDK
 * HTTP server on loopback with Basic authentication, {@code GET
 * /submission/api/v2/submission/<Mandant>/<Formularnummer>} listing the submissions with all
 * published fields, {@code PUT …/<transID>/status} changing the status. It plays NEW → READ on the
 * first fetch, like the real server, so READ must be delivered again until CLOSED.
 */
public final class FormsolutionsSimulator
    implements FormServerCompatibilityKit.Simulator, AutoCloseable {
  public static final String MANDANT = "musterstadt";
  public static final String CLIENT = "4711";
  public static final String API_KEY = "geheim";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, ObjectNode> submissions = new ConcurrentHashMap<>();
  private final Map<String, String> formOf = new ConcurrentHashMap<>();
  private volatile int failWith;

  public FormsolutionsSimulator() throws IOException {
    this(0);
  }

  /** On a fixed loopback port (0 = any free one). */
  public FormsolutionsSimulator(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/submission/api/v2/submission/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (failWith != 0) {
        reply(exchange, failWith, "{\"error\":\"simulated\"}");
        return;
      }
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((CLIENT + ":" + API_KEY).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        reply(exchange, 401, "{\"error\":\"unauthorized\"}");
        return;
      }
      String[] parts =
          exchange
              .getRequestURI()
              .getPath()
              .substring("/submission/api/v2/submission/".length())
              .split("/");
      if (parts.length < 2 || !parts[0].equals(MANDANT)) {
        reply(exchange, 404, "{\"error\":\"unknown Mandant\"}");
        return;
      }
      String form = parts[1];
      if ("GET".equals(exchange.getRequestMethod()) && parts.length == 2) {
        ArrayNode list = JSON.createArrayNode();
        submissions.forEach(
            (id, s) -> {
              if (formOf.get(id).equals(form)) {
                list.add(s.deepCopy());
                if (s.path("status").asText().equals("NEW")) {
                  s.put("status", "READ");
                }
              }
            });
        reply(exchange, 200, list.toString());
      } else if ("PUT".equals(exchange.getRequestMethod())
          && parts.length == 4
          && parts[3].equals("status")) {
        ObjectNode s = submissions.get(parts[2]);
        if (s == null || !formOf.get(parts[2]).equals(form)) {
          reply(exchange, 404, "{\"error\":\"unknown transID\"}");
          return;
        }
        String status = JSON.readTree(exchange.getRequestBody()).path("status").asText();
        s.put("status", status);
        reply(exchange, 200, "{}");
      } else {
        reply(exchange, 405, "{}");
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private ObjectNode add(String formId) {
    String id = UUID.randomUUID().toString();
    ObjectNode s = JSON.createObjectNode();
    s.put("transID", id).put("status", "NEW").put("submissionDate", "2026-11-27T10:15:30+01:00");
    submissions.put(id, s);
    formOf.put(id, formId);
    return s;
  }

  @Override
  public String publish(
      String formId, Map<String, String> fields, byte[] pdf, Map<String, byte[]> attachments) {
    ObjectNode s = add(formId);
    ObjectNode payload = s.putObject("payload");
    fields.forEach(
        (path, value) -> {
          String[] segments = path.substring(1).split("/");
          ObjectNode node = payload;
          for (int i = 0; i < segments.length - 1; i++) {
            node =
                node.has(segments[i])
                    ? (ObjectNode) node.get(segments[i])
                    : node.putObject(segments[i]);
          }
          node.put(segments[segments.length - 1], value);
        });
    s.put("pdf", Base64.getEncoder().encodeToString(pdf));
    ArrayNode files = s.putArray("attachments");
    attachments.forEach(
        (name, bytes) ->
            files
                .addObject()
                .put("name", name)
                .put("contentType", "image/jpeg")
                .put("content", Base64.getEncoder().encodeToString(bytes)));
    return s.get("transID").asText();
  }

  /** Also used by the XML test: the same fields as an XML payload. */
  public String publishXml(String formId, String xml) {
    ObjectNode s = add(formId);
    s.put("xml", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
    s.put("pdf", Base64.getEncoder().encodeToString("%PDF".getBytes(StandardCharsets.UTF_8)));
    return s.get("transID").asText();
  }

  @Override
  public String publishMalformed(String formId) {
    ObjectNode s = add(formId);
    s.putObject("payload").put("name", "x");
    s.put("pdf", "das ist kein Base64!");
    return s.get("transID").asText();
  }

  @Override
  public String publishHostileXml(String formId) {
    return publishXml(
        formId,
        "<?xml version=\"1.0\"?><!DOCTYPE antrag [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
            + "<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<antrag><name>&xxe;</name><spass>&lol2;</spass></antrag>");
  }

  /** Sets a status directly, e.g. PRELIMINARY, HIDDEN or DELETED. */
  public void setStatus(String submissionId, String status) {
    submissions.get(submissionId).put("status", status);
  }

  @Override
  public boolean acknowledged(String submissionId) {
    return "CLOSED".equals(submissions.get(submissionId).path("status").asText());
  }

  @Override
  public void failWith(int httpStatus) {
    failWith = httpStatus;
  }
}
