package de.buergerbuero.connector.fitconnect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
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
  private final Map<String, Map<String, Object>> acceptedAttachmentTags = new ConcurrentHashMap<>();
  private final String token = UUID.randomUUID().toString();
  private volatile int failWith;
  private final Map<String, Integer> failSubmission = new ConcurrentHashMap<>();
  private final Map<String, String> rawSubmission = new ConcurrentHashMap<>();
  private final Map<String, String> submitEvents = new ConcurrentHashMap<>();
  private final RSAKey zustelldienstKey;
  private volatile RSAKey submitEventSigner;

  FitConnectSimulator(RSAKey destinationPublicKey, RSAKey subscriberSigningPublicKey)
      throws IOException {
    this(destinationPublicKey, subscriberSigningPublicKey, 0);
  }

  /** On a fixed loopback port (0 = any free one). */
  public FitConnectSimulator(
      RSAKey destinationPublicKey, RSAKey subscriberSigningPublicKey, int port) throws IOException {
    this.destinationPublicKey = destinationPublicKey;
    this.subscriberSigningPublicKey = subscriberSigningPublicKey;
    try {
      this.zustelldienstKey = new RSAKeyGenerator(2048).keyID("zustelldienst-sig").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    this.submitEventSigner = zustelldienstKey;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/token", this::token);
    server.createContext("/v1/", this::api);
    server.createContext("/.well-known/jwks.json", this::jwks);
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

  /** The Zustelldienst's public signature keys (JWK Set), as the Submission API publishes them. */
  private void jwks(HttpExchange exchange) throws IOException {
    try (exchange) {
      reply(exchange, 200, new JWKSet(zustelldienstKey.toPublicJWK()).toString());
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
      } else if (method.equals("GET")
          && path.length == 2
          && path[0].equals("submissions")
          && failSubmission.containsKey(path[1])) {
        reply(exchange, failSubmission.get(path[1]), "{}");
      } else if (method.equals("GET")
          && path.length == 2
          && path[0].equals("submissions")
          && rawSubmission.containsKey(path[1])) {
        reply(exchange, 200, rawSubmission.get(path[1]));
      } else if (method.equals("GET")
          && path.length == 3
          && path[0].equals("cases")
          && path[2].equals("events")) {
        ObjectNode log = JSON.createObjectNode();
        ArrayNode sets = log.putArray("eventLog");
        submissions.forEach(
            (id, s) -> {
              if (s.get("caseId").asText().equals(path[1]) && submitEvents.containsKey(id)) {
                sets.add(submitEvents.get(id));
              }
            });
        reply(exchange, 200, log.toString());
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
          Object payload = jwt.getJWTClaimsSet().getJSONObjectClaim("events").get(event);
          if (payload instanceof Map<?, ?> p
              && p.get("authenticationTags") instanceof Map<?, ?> tags
              && tags.get("attachments") instanceof Map<?, ?> attachmentTags) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            attachmentTags.forEach((k, v) -> copy.put(String.valueOf(k), v));
            acceptedAttachmentTags.put(submission, copy);
          }
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
    submitEvents.put(id, submitEvent(id, s, Map.of()));
    return id;
  }

  /**
   * The Zustelldienst's {@code submit-submission} Security Event Token: signed (PS512) with its
   * key, carrying the authentication tags of every encrypted part (FIT-Connect event log).
   */
  private String submitEvent(String id, ObjectNode s, Map<String, String> changedTags) {
    try {
      Map<String, Object> attachmentTags = new java.util.LinkedHashMap<>();
      s.get("attachments")
          .forEach(
              a -> attachmentTags.put(a.asText(), tag(attachments.get(id + "/" + a.asText()))));
      Map<String, Object> tags = new java.util.LinkedHashMap<>();
      tags.put("metadata", tag(s.get("encryptedMetadata").asText()));
      tags.put("data", tag(s.get("encryptedData").asText()));
      tags.put("attachments", attachmentTags);
      changedTags.forEach(
          (part, value) -> {
            if (tags.containsKey(part)) {
              tags.put(part, value);
            } else {
              attachmentTags.put(part, value);
            }
          });
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(url().toString())
              .issueTime(new java.util.Date())
              .jwtID(UUID.randomUUID().toString())
              .subject("submission:" + id)
              .claim("txn", "case:" + s.get("caseId").asText())
              .claim(
                  "events",
                  Map.of(
                      "https://schema.fitko.de/fit-connect/events/submit-submission",
                      Map.of("authenticationTags", tags)))
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.PS512)
                  .type(new JOSEObjectType("secevent+jwt"))
                  .keyID(submitEventSigner.getKeyID())
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(submitEventSigner));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tag(String compactJwe) {
    return compactJwe.substring(compactJwe.lastIndexOf('.') + 1);
  }

  /** The attachment tags the subscriber's accept event named ({@code attachmentId → tag}). */
  public Map<String, Object> acceptedAttachmentTags(String submissionId) {
    return acceptedAttachmentTags.getOrDefault(submissionId, Map.of());
  }

  /** The submission's GET answers with this HTTP status (the others are served). */
  public void failSubmission(String submissionId, int status) {
    failSubmission.put(submissionId, status);
  }

  /** The submission's GET answers with this body instead (a document of the wrong shape). */
  public void answerSubmission(String submissionId, String json) {
    rawSubmission.put(submissionId, json);
  }

  /** The submit event names another authentication tag for a part (metadata, data, an id). */
  public void tamperSubmitEvent(String submissionId, String part, String tag) {
    submitEvents.put(
        submissionId, submitEvent(submissionId, submissions.get(submissionId), Map.of(part, tag)));
  }

  /** The submit event is signed by a key that is not the Zustelldienst's. */
  public void forgeSubmitEvent(String submissionId) {
    try {
      submitEventSigner = new RSAKeyGenerator(2048).keyID(zustelldienstKey.getKeyID()).generate();
      submitEvents.put(
          submissionId, submitEvent(submissionId, submissions.get(submissionId), Map.of()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } finally {
      submitEventSigner = zustelldienstKey;
    }
  }

  /** The attachment ids of a submission, as the Submission API lists them. */
  public java.util.List<String> attachmentIds(String submissionId) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    submissions.get(submissionId).get("attachments").forEach(a -> ids.add(a.asText()));
    return ids;
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
