package de.buergerbuero.connector.zbp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A faithful simulator of the ZBP's REST interface version 6 as published for the integration
 * environment (see docs/connectors/zbp.md): mutual TLS (it trusts only the test authority's BPKI
 * certificate), bearer token RS512 signed by that certificate's key with {@code signer} = its CN
 * and role {@code THIRD_PARTY}, the signed envelope ({@code content} + {@code sha512sum}) checked
 * against the same key, {@code PUT /v6/mailbox/messages} as multipart ({@code json} + {@code
 * files}, each attachment's SHA-512 and length checked), {@code POST
 * /v6/mailbox/applications/states}. Unknown postboxes get 404, anything malformed 400, a wrong
 * token 401, a wrong signature 403. The test-jar carries it for the reference app's tests.
 */
public final class ZbpSimulator implements AutoCloseable {
  public static final String PASSWORD = "zbp-test-only";
  static final Set<String> STAGES =
      Set.of("INITIATED", "SUBMITTED", "RECEIVED", "PROCESSING", "ACTION_REQUIRED", "COMPLETED");

  /** A message as it lies in a postbox. */
  public record Message(String messageUuid, String mailbox, JsonObject content, List<File> files) {}

  /** An attachment as received. */
  public record File(String name, String contentType, byte[] bytes) {}

  private final HttpsServer server;
  private final Set<String> mailboxes = ConcurrentHashMap.newKeySet();
  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final List<JsonObject> states = new CopyOnWriteArrayList<>();
  private final AtomicReference<Canned> next = new AtomicReference<>();

  private record Canned(int status, String contentType, String body) {}

  /**
   * @param resources the directory with {@code simulator.p12} and {@code simulator-truststore.p12}
   * @param port 0 for any free port
   */
  public ZbpSimulator(Path resources, int port) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(
        ZbpConfig.load(resources.resolve("simulator.p12"), PASSWORD.toCharArray(), "sim"),
        PASSWORD.toCharArray());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(
        ZbpConfig.load(
            resources.resolve("simulator-truststore.p12"), PASSWORD.toCharArray(), "sim"));
    tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = tls.getDefaultSSLParameters();
            p.setNeedClientAuth(true);
            params.setSSLParameters(p);
          }
        });
    server.createContext("/v6/mailbox/messages", this::message);
    server.createContext("/v6/mailbox/applications/states", this::state);
    server.start();
  }

  public String baseUrl() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Opens a postbox; messages to others get 404. */
  public String openMailbox() {
    String uuid = UUID.randomUUID().toString();
    mailboxes.add(uuid);
    return uuid;
  }

  public void openMailbox(String uuid) {
    mailboxes.add(uuid);
  }

  public List<Message> messages() {
    return List.copyOf(messages);
  }

  public List<JsonObject> states() {
    return List.copyOf(states);
  }

  /** Answers the next request with this instead of handling it. */
  public void answerNext(int status, String contentType, String body) {
    next.set(new Canned(status, contentType, body));
  }

  public void reset() {
    messages.clear();
    states.clear();
    next.set(null);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void message(HttpExchange ex) throws IOException {
    try (ex) {
      if (canned(ex)) {
        return;
      }
      if (!"PUT".equals(ex.getRequestMethod())) {
        answer(ex, 405, "{\"error\":\"method\"}");
        return;
      }
      PublicKey key = authenticated(ex);
      if (key == null) {
        return;
      }
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      String boundary = boundary(type);
      if (boundary == null) {
        answer(ex, 415, "{\"error\":\"multipart/form-data expected\"}");
        return;
      }
      List<Part> parts = Part.parse(read(ex.getRequestBody()), boundary);
      List<Part> json = parts.stream().filter(p -> "json".equals(p.name)).toList();
      List<Part> files = parts.stream().filter(p -> "files".equals(p.name)).toList();
      if (json.size() != 1) {
        answer(ex, 400, "{\"error\":\"exactly one part json\"}");
        return;
      }
      JsonObject content = envelope(ex, new String(json.get(0).bytes, StandardCharsets.UTF_8), key);
      if (content == null) {
        return;
      }
      String problem = checkMessage(content, files);
      if (problem != null) {
        answer(ex, 400, Json.createObjectBuilder().add("error", problem).build().toString());
        return;
      }
      String mailbox = content.getString("mailboxUuid");
      if (!mailboxes.contains(mailbox)) {
        answer(ex, 404, "{\"error\":\"mailbox not found\"}");
        return;
      }
      String uuid = UUID.randomUUID().toString();
      messages.add(
          new Message(
              uuid,
              mailbox,
              content,
              files.stream().map(p -> new File(p.fileName, p.contentType, p.bytes)).toList()));
      answer(
          ex,
          200,
          Json.createObjectBuilder()
              .add("mailboxHandle", mailbox)
              .add("messageId", System.currentTimeMillis())
              .add("messageUuid", uuid)
              .build()
              .toString());
    }
  }

  private void state(HttpExchange ex) throws IOException {
    try (ex) {
      if (canned(ex)) {
        return;
      }
      if (!"POST".equals(ex.getRequestMethod())) {
        answer(ex, 405, "{\"error\":\"method\"}");
        return;
      }
      PublicKey key = authenticated(ex);
      if (key == null) {
        return;
      }
      JsonObject content =
          envelope(ex, new String(read(ex.getRequestBody()), StandardCharsets.UTF_8), key);
      if (content == null) {
        return;
      }
      try {
        UUID.fromString(content.getString("applicationId"));
        Instant.parse(content.getString("createdDate"));
        if (!STAGES.contains(content.getString("status"))
            || content.getJsonObject("publicServiceName").getString("de").isBlank()
            || content.getString("senderName").length() > 100) {
          throw new IllegalArgumentException();
        }
      } catch (RuntimeException e) {
        answer(ex, 400, "{\"error\":\"state malformed\"}");
        return;
      }
      states.add(content);
      answer(ex, 200, "{}");
    }
  }

  private boolean canned(HttpExchange ex) throws IOException {
    Canned c = next.getAndSet(null);
    if (c == null) {
      return false;
    }
    byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", c.contentType());
    ex.sendResponseHeaders(c.status(), body.length);
    ex.getResponseBody().write(body);
    return true;
  }

  /** The client certificate's key if the bearer token is valid for it; otherwise answers 401. */
  private static PublicKey authenticated(HttpExchange ex) throws IOException {
    try {
      X509Certificate client =
          (X509Certificate) ((HttpsExchange) ex).getSSLSession().getPeerCertificates()[0];
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String[] jwt = auth.substring("Bearer ".length()).split("\\.");
      JsonObject header = json(Base64.getUrlDecoder().decode(jwt[0]));
      JsonObject claims = json(Base64.getUrlDecoder().decode(jwt[1]));
      long now = Instant.now().getEpochSecond();
      boolean valid =
          auth.startsWith("Bearer ")
              && jwt.length == 3
              && "RS512".equals(header.getString("alg"))
              && verify(
                  client.getPublicKey(),
                  (jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII),
                  Base64.getUrlDecoder().decode(jwt[2]))
              && claims.getJsonNumber("exp").longValue() > now
              && claims.getJsonNumber("iat").longValue() <= now + 60
              && claims.getJsonArray("roles").contains(Json.createValue("THIRD_PARTY"))
              && ZbpSigning.commonName(client).equals(claims.getString("signer"));
      if (valid) {
        return client.getPublicKey();
      }
    } catch (RuntimeException | IOException e) {
      // falls through to 401
    }
    answer(ex, 401, "{\"error\":\"token invalid\"}");
    return null;
  }

  /** The envelope's content if its signature is the client's; otherwise answers 400 or 403. */
  private static JsonObject envelope(HttpExchange ex, String text, PublicKey key)
      throws IOException {
    JsonObject envelope;
    byte[] signature;
    try {
      envelope = json(text.getBytes(StandardCharsets.UTF_8));
      signature = Base64.getDecoder().decode(envelope.getString("sha512sum"));
    } catch (RuntimeException e) {
      answer(ex, 400, "{\"error\":\"envelope malformed\"}");
      return null;
    }
    String content = envelope.getString("content", null);
    if (content == null || !verify(key, content.getBytes(StandardCharsets.UTF_8), signature)) {
      answer(ex, 403, "{\"error\":\"signature invalid\"}");
      return null;
    }
    try {
      return json(content.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      answer(ex, 400, "{\"error\":\"content malformed\"}");
      return null;
    }
  }

  private static String checkMessage(JsonObject m, List<Part> files) {
    try {
      UUID.fromString(m.getString("mailboxUuid"));
      int level = m.getInt("stork_qaa_level");
      for (String[] f : new String[][] {{"sender", "255"}, {"title", "1024"}, {"service", "255"}}) {
        String v = m.getString(f[0]);
        if (v.isBlank() || v.length() > Integer.parseInt(f[1])) {
          return f[0] + " length";
        }
      }
      m.getString("content");
      if (level < 1 || level > 4) {
        return "stork_qaa_level";
      }
      JsonArray attachments = m.getJsonArray("attachments");
      int n = attachments == null ? 0 : attachments.size();
      if (n != files.size()) {
        return "attachments do not match the files";
      }
      for (int i = 0; i < n; i++) {
        JsonObject a = attachments.getJsonObject(i);
        Part f = files.get(i);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(f.bytes));
        if (!a.getString("filename").equals(f.fileName)
            || a.getInt("contentLength") != f.bytes.length
            || !a.getString("sha512sum").equalsIgnoreCase(sha)) {
          return "attachment " + i + " does not match its file";
        }
      }
      return null;
    } catch (Exception e) {
      return "message malformed: " + e.getClass().getSimpleName();
    }
  }

  private static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance("SHA512withRSA");
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (Exception e) {
      return false;
    }
  }

  private static JsonObject json(byte[] bytes) {
    try (var r = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      return r.readObject();
    }
  }

  private static String boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      return null;
    }
    for (String p : contentType.split(";")) {
      String t = p.strip();
      if (t.startsWith("boundary=")) {
        return t.substring("boundary=".length()).replace("\"", "");
      }
    }
    return null;
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(64 << 20);
    if (in.read() >= 0) {
      throw new IOException("request too large");
    }
    return bytes;
  }

  private static void answer(HttpExchange ex, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  /** One part of a multipart/form-data body. */
  private record Part(String name, String fileName, String contentType, byte[] bytes) {
    static List<Part> parse(byte[] body, String boundary) {
      byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
      List<Part> parts = new ArrayList<>();
      int pos = indexOf(body, delimiter, 0);
      while (pos >= 0) {
        int start = pos + delimiter.length;
        if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
          break;
        }
        start += 2; // CRLF
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
        int next = indexOf(body, delimiter, headersEnd);
        if (headersEnd < 0 || next < 0) {
          throw new IllegalArgumentException("multipart body truncated");
        }
        String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
        String name = null;
        String fileName = null;
        String type = "text/plain";
        for (String line : headers.split("\r\n")) {
          String lower = line.toLowerCase();
          if (lower.startsWith("content-disposition:")) {
            name = param(line, "name");
            fileName = param(line, "filename");
          } else if (lower.startsWith("content-type:")) {
            type = line.substring(line.indexOf(':') + 1).strip();
          }
        }
        byte[] bytes = new byte[next - 2 - (headersEnd + 4)];
        System.arraycopy(body, headersEnd + 4, bytes, 0, bytes.length);
        parts.add(new Part(name, fileName, type, bytes));
        pos = next;
      }
      return parts;
    }

    private static String param(String header, String name) {
      for (String p : header.split(";")) {
        String t = p.strip();
        if (t.startsWith(name + "=\"")) {
          return t.substring(name.length() + 2, t.length() - 1);
        }
      }
      return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
      outer:
      for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
