package de.buergerbuero.connector.fitconnect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.buergerbuero.connector.tck.FormServerCompatibilityKit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulator of the FIT-Connect Zustelldienst built from its published interface: token endpoint
 * (client credentials), {@code GET /v1/submissions?destinationId=…}, {@code GET
 * /v1/submissions/{id}}, {@code GET /v1/submissions/{id}/attachments/{attachmentId}} (JWE compact)
 * and {@code POST /v1/cases/{caseId}/events} (Security Event Token, signature checked with the
 * subscriber's public key). Senders' data is encrypted here with the destination's public key
 * (RSA-OAEP-256 + A256GCM) and announced in the metadata with SHA-512 hashes, as a sender would.
 */
public final class FitConnectSimulator
    implements FormServerCompatibilityKit.Simulator, AutoCloseable {
  public static final String CLIENT_ID = "subscriber-musterstadt";
  public static final String CLIENT_SECRET = "client-secret-musterstadt";
  public static final String DESTINATION = "aa3704d6-8bd7-4d40-a8af-501aa931a95b";
  public static final String SCHEMA = "https://schema.fitko.de/fim/s00000000009_1.0.0.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final RSAKey destinationPublicKey;
  private final RSAKey subscriberSigningPublicKey;
  private final Map<String, ObjectNode> submissions = new ConcurrentHashMap<>();
  private final Map<String, String> attachments = new ConcurrentHashMap<>();
  private final Map<String, String> events = new ConcurrentHashMap<>();
  private final String token = UUID.randomUUID().toString();
  private volatile int failWith;

  FitConnectSimulator(RSAKey destinationPublicKey, RSAKey subscriberSigningPublicKey)
      throws IOException {
    this(destinationPublicKey, subscriberSigningPublicKey, 0);
  }

  /** On a fixed loopback port (0 = any free one). */
  public FitConnectSimulator(
      RSAKey destinationPublicKey, RSAKey subscriberSigningPublicKey, int port) throws IOException {
    this.destinationPublicKey = destinationPublicKey;
    this.subscriberSigningPublicKey = subscriberSigningPublicKey;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/token", this::token);
    server.createContext("/v1/", this::api);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (failWith != 0) {
        reply(exchange, failWith, "{}");
        return;
      }
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!form.contains("grant_type=client_credentials")
          || !form.contains("client_id=" + CLIENT_ID)
          || !form.contains("client_secret=" + CLIENT_SECRET)) {
        reply(exchange, 401, "{\"error\":\"invalid_client\"}");
        return;
      }
      reply(
          exchange,
          200,
          "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}");
    }
  }

  private void api(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (failWith != 0) {
        reply(exchange, failWith, "{}");
        return;
      }
      if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        reply(exchange, 401, "{}");
        return;
      }
      String[] path = exchange.getRequestURI().getPath().substring(4).split("/");
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.length == 1 && path[0].equals("submissions")) {
        ObjectNode list = JSON.createObjectNode();
        ArrayNode items = list.putArray("submissions");
        submissions.forEach(
            (id, s) -> {
              if (!events.containsKey(id)) {
                items
                    .addObject()
                    .put("destinationId", DESTINATION)
                    .put("submissionId", id)
                    .put("caseId", s.get("caseId").asText());
              }
            });
        list.put("count", items.size()).put("offset", 0).put("totalCount", items.size());
        reply(exchange, 200, list.toString());
      } else if (method.equals("GET") && path.length == 2 && path[0].equals("submissions")) {
        ObjectNode s = submissions.get(path[1]);
        reply(exchange, s == null ? 404 : 200, s == null ? "{}" : s.toString());
      } else if (method.equals("GET") && path.length == 4 && path[2].equals("attachments")) {
        String jwe = attachments.get(path[1] + "/" + path[3]);
        exchange.getResponseHeaders().set("Content-Type", "application/jose");
        reply(exchange, jwe == null ? 404 : 200, jwe == null ? "" : jwe);
      } else if (method.equals("POST")
          && path.length == 3
          && path[0].equals("cases")
          && path[2].equals("events")) {
        String set =
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
        try {
          SignedJWT jwt = SignedJWT.parse(set);
          if (!jwt.verify(new RSASSAVerifier(subscriberSigningPublicKey))) {
            reply(exchange, 422, "{\"detail\":\"signature invalid\"}");
            return;
          }
          String submission = jwt.getJWTClaimsSet().getSubject().substring("submission:".length());
          String event =
              jwt.getJWTClaimsSet().getJSONObjectClaim("events").keySet().iterator().next();
          events.put(submission, event);
          reply(exchange, 204, "");
        } catch (Exception e) {
          reply(exchange, 400, "{\"detail\":\"not a SET\"}");
        }
      } else {
        reply(exchange, 404, "{}");
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    if (status != 204) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private String encrypt(byte[] plaintext) {
    try {
      JWEObject jwe =
          new JWEObject(
              new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                  .keyID(destinationPublicKey.getKeyID())
                  .build(),
              new Payload(plaintext));
      jwe.encrypt(new RSAEncrypter(destinationPublicKey));
      return jwe.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha512(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a sender uploads: metadata and data encrypted, attachments encrypted apart. */
  public String submit(
      String serviceType,
      byte[] data,
      String mimeType,
      String dataHash,
      Map<String, byte[]> files,
      byte[] pdf) {
    String id = UUID.randomUUID().toString();
    ObjectNode metadata = JSON.createObjectNode();
    metadata.put(
        "$schema", "https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json");
    ObjectNode content = metadata.putObject("contentStructure");
    ObjectNode dataInfo = content.putObject("data");
    dataInfo
        .putObject("hash")
        .put("type", "sha512")
        .put("content", dataHash == null ? sha512(data) : dataHash);
    dataInfo.putObject("submissionSchema").put("schemaUri", SCHEMA).put("mimeType", mimeType);
    ArrayNode list = content.putArray("attachments");
    if (pdf != null) {
      addAttachment(id, list, "Antrag.pdf", "application/pdf", "form", pdf);
    }
    files.forEach(
        (name, bytes) -> addAttachment(id, list, name, "image/jpeg", "attachment", bytes));
    metadata
        .putObject("additionalReferenceInfo")
        .put("submissionDate", "2026-11-27T10:15:30+01:00");
    ObjectNode s = JSON.createObjectNode();
    s.put("submissionId", id)
        .put("destinationId", DESTINATION)
        .put("caseId", UUID.randomUUID().toString());
    s.putObject("serviceType").put("identifier", serviceType).put("name", "Testleistung");
    ArrayNode ids = s.putArray("attachments");
    list.forEach(a -> ids.add(a.get("attachmentId").asText()));
    s.put("encryptedMetadata", encrypt(metadata.toString().getBytes(StandardCharsets.UTF_8)));
    s.put("encryptedData", encrypt(data));
    submissions.put(id, s);
    return id;
  }

  private void addAttachment(
      String submissionId,
      ArrayNode list,
      String name,
      String mimeType,
      String purpose,
      byte[] bytes) {
    String attachmentId = UUID.randomUUID().toString();
    list.addObject()
        .put("attachmentId", attachmentId)
        .put("filename", name)
        .put("mimeType", mimeType)
        .put("purpose", purpose)
        .putObject("hash")
        .put("type", "sha512")
        .put("content", sha512(bytes));
    attachments.put(submissionId + "/" + attachmentId, encrypt(bytes));
  }

  @Override
  public String publish(
      String formId, Map<String, String> fields, byte[] pdf, Map<String, byte[]> files) {
    ObjectNode data = JSON.createObjectNode();
    fields.forEach(
        (path, value) -> {
          String[] segments = path.substring(1).split("/");
          ObjectNode node = data;
          for (int i = 0; i < segments.length - 1; i++) {
            node =
                node.has(segments[i])
                    ? (ObjectNode) node.get(segments[i])
                    : node.putObject(segments[i]);
          }
          node.put(segments[segments.length - 1], value);
        });
    return submit(
        formId,
        data.toString().getBytes(StandardCharsets.UTF_8),
        "application/json",
        null,
        files,
        pdf);
  }

  @Override
  public String publishMalformed(String formId) {
    // the announced hash does not match the data: changed on the way
    return submit(
        formId,
        "{\"antrag\":{}}".getBytes(StandardCharsets.UTF_8),
        "application/json",
        sha512("etwas anderes".getBytes(StandardCharsets.UTF_8)),
        Map.of(),
        null);
  }

  @Override
  public String publishHostileXml(String formId) {
    byte[] xml =
        ("<?xml version=\"1.0\"?><!DOCTYPE antrag [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<antrag><name>&xxe;</name></antrag>")
            .getBytes(StandardCharsets.UTF_8);
    return submit(formId, xml, "application/xml", null, Map.of(), null);
  }

  @Override
  public boolean acknowledged(String submissionId) {
    return FitConnectConnector.ACCEPT.equals(events.get(submissionId));
  }

  public boolean rejected(String submissionId) {
    return FitConnectConnector.REJECT.equals(events.get(submissionId));
  }

  @Override
  public void failWith(int httpStatus) {
    failWith = httpStatus;
  }
}
