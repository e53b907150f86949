package de.buergerbuero.connector.fitconnect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.http.ConnectorHttp;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.forms.FormFields;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * FIT-Connect subscriber for one destination: fetches submissions from the Submission API (OAuth2
 * client credentials), decrypts metadata, data and attachments, checks their SHA-512 hashes and the
 * announced submission schema, and accepts or rejects each submission with a signed Security Event
 * Token (PS512) in the case's event log.
 *
 * <p>{@code formId} of the {@link FormServerPort} is the service type ({@code
 * urn:de:fim:leika:leistung:<14 digits>}): a fetch delivers the submissions of that service.
 * Submissions that cannot be read are rejected at the Zustelldienst (with a problem) and reported
 * in {@link Batch#rejected()}; they are not delivered again.
 */
public final class FitConnectConnector implements FormServerPort {
  static final String ACCEPT = "https://schema.fitko.de/fit-connect/events/accept-submission";
  static final String REJECT = "https://schema.fitko.de/fit-connect/events/reject-submission";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FitConnectConfig config;
  private final Map<String, com.networknt.schema.Schema> schemas = new java.util.HashMap<>();
  private final SubmissionDecryptor decryptor;
  private final Clock clock;
  private final HttpClient http;
  private String token;
  private Instant tokenValidUntil = Instant.EPOCH;

  public FitConnectConnector(FitConnectConfig config, Clock clock) {
    this.config = config;
    this.decryptor = new SubmissionDecryptor(config.decryptionKey());
    var registry =
        com.networknt.schema.SchemaRegistry.withDefaultDialect(
            com.networknt.schema.SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaRegistryConfig(
                    com.networknt.schema.SchemaRegistryConfig.builder()
                        .locale(java.util.Locale.GERMAN)
                        .pathType(com.networknt.schema.path.PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true)
                        .build()));
    config.submissionSchemas().forEach((id, text) -> schemas.put(id, registry.getSchema(text)));
    this.clock = clock;
    this.http = ConnectorHttp.client(config.timeout());
  }

  @Override
  public Batch fetch(String serviceType) {
    JsonNode list =
        json(
            get(
                "/v1/submissions?destinationId="
                    + enc(config.destinationId())
                    + "&offset=0&limit=500"));
    List<FormSubmission> submissions = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode entry : list.path("submissions")) {
      String id = entry.path("submissionId").asText("");
      if (!id.matches("[0-9a-fA-F-]{36}")) {
        continue;
      }
      JsonNode submission = json(get("/v1/submissions/" + id));
      if (!serviceType.equals(submission.path("serviceType").path("identifier").asText())) {
        continue;
      }
      try {
        submissions.add(read(serviceType, submission));
      } catch (FormServerException e) {
        if (e.isRetryable()) {
          throw e;
        }
        event(submission, REJECT, e.getMessage());
        rejected.add(new Rejected(id, e.getMessage()));
      }
    }
    return new Batch(submissions, rejected);
  }

  private FormSubmission read(String serviceType, JsonNode submission) {
    String id = submission.path("submissionId").asText();
    JsonNode metadata;
    try {
      metadata = JSON.readTree(decryptor.decrypt(submission.path("encryptedMetadata").asText()));
    } catch (IOException e) {
      throw FormServerException.malformed("Metadaten sind kein JSON", e);
    }
    JsonNode dataInfo = metadata.path("contentStructure").path("data");
    String schemaUri = dataInfo.path("submissionSchema").path("schemaUri").asText("");
    com.networknt.schema.Schema schema = schemas.get(schemaUri);
    if (schema == null) {
      throw FormServerException.malformed("Fachdatenschema nicht angenommen: " + schemaUri, null);
    }
    byte[] data = decryptor.decrypt(submission.path("encryptedData").asText());
    SubmissionDecryptor.requireSha512(
        data, dataInfo.path("hash").path("content").asText(""), "Fachdaten");
    Map<String, String> fields;
    String mimeType = dataInfo.path("submissionSchema").path("mimeType").asText("application/json");
    try {
      if (mimeType.contains("xml")) {
        // FIM XML data is checked against its XSD by the specialist procedure; here: safe parsing
        fields = FormFields.fromXml(data);
      } else {
        JsonNode tree = JSON.readTree(data);
        var errors = schema.validate(tree);
        if (!errors.isEmpty()) {
          throw FormServerException.malformed(
              "Fachdaten verletzen das Schema "
                  + schemaUri
                  + ": "
                  + errors.stream()
                      .limit(5)
                      .map(e -> e.getInstanceLocation() + " " + e.getMessage())
                      .collect(java.util.stream.Collectors.joining("; ")),
              null);
        }
        fields = FormFields.fromTree(JSON.convertValue(tree, Object.class));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw FormServerException.malformed("Fachdaten nicht lesbar: " + e.getMessage(), e);
    }
    CaseDocument pdf = null;
    List<CaseDocument> attachments = new ArrayList<>();
    for (JsonNode a : metadata.path("contentStructure").path("attachments")) {
      String attachmentId = a.path("attachmentId").asText("");
      if (!attachmentId.matches("[0-9a-fA-F-]{36}")) {
        throw FormServerException.malformed("Anlage ohne gültige attachmentId", null);
      }
      byte[] bytes =
          decryptor.decrypt(text(get("/v1/submissions/" + id + "/attachments/" + attachmentId)));
      SubmissionDecryptor.requireSha512(bytes, a.path("hash").path("content").asText(""), "Anlage");
      CaseDocument document;
      try {
        document =
            new CaseDocument(
                a.path("filename").asText(attachmentId),
                a.path("mimeType").asText("application/octet-stream"),
                bytes.length,
                () -> new ByteArrayInputStream(bytes));
      } catch (BuergerbueroException e) {
        throw FormServerException.malformed("Anlage abgelehnt: " + e.getMessage(), e);
      }
      if ("form".equals(a.path("purpose").asText()) && pdf == null) {
        pdf = document;
      } else {
        attachments.add(document);
      }
    }
    Instant submitted = clock.instant();
    String date = metadata.path("additionalReferenceInfo").path("submissionDate").asText("");
    if (!date.isEmpty()) {
      try {
        submitted = java.time.OffsetDateTime.parse(date).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        // not a reason to refuse the submission
      }
    }
    return new FormSubmission(id, serviceType, submitted, fields, pdf, attachments);
  }

  @Override
  public void acknowledge(String serviceType, String submissionId) {
    JsonNode submission = json(get("/v1/submissions/" + enc(submissionId)));
    event(submission, ACCEPT, null);
  }

  /** Posts a signed Security Event Token (accept or reject) to the case's event log. */
  private void event(JsonNode submission, String event, String problem) {
    String caseId = submission.path("caseId").asText("");
    String submissionId = submission.path("submissionId").asText("");
    ObjectNode payload = JSON.createObjectNode();
    if (ACCEPT.equals(event)) {
      ObjectNode tags = payload.putObject("authenticationTags");
      tags.put("metadata", tag(submission.path("encryptedMetadata").asText()));
      tags.put("data", tag(submission.path("encryptedData").asText()));
    } else {
      ArrayNode problems = payload.putArray("problems");
      problems
          .addObject()
          .put("type", "https://schema.fitko.de/fit-connect/events/problems/invalid-submission")
          .put("title", "Einreichung nicht verarbeitbar")
          .put("detail", problem);
    }
    String set;
    try {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(config.destinationId())
              .issueTime(Date.from(clock.instant()))
              .jwtID(UUID.randomUUID().toString())
              .subject("submission:" + submissionId)
              .claim("txn", "case:" + caseId)
              .claim("events", Map.of(event, JSON.convertValue(payload, Map.class)))
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.PS512)
                  .type(new JOSEObjectType("secevent+jwt"))
                  .keyID(config.signingKey().getKeyID())
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(config.signingKey()));
      set = jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the event", e);
    }
    send(
        request("/v1/cases/" + enc(caseId) + "/events")
            .header("Content-Type", "application/jose")
            .POST(HttpRequest.BodyPublishers.ofString(set))
            .build());
  }

  private static String tag(String compactJwe) {
    int last = compactJwe.lastIndexOf('.');
    return last < 0 ? "" : compactJwe.substring(last + 1);
  }

  private HttpResponse<InputStream> get(String path) {
    return send(request(path).header("Accept", "application/json").GET().build());
  }

  private HttpRequest.Builder request(String path) {
    String base = config.submissionApiUrl().toString().replaceAll("/+$", "");
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(config.timeout())
        .header("Authorization", "Bearer " + token());
  }

  /** OAuth2 client credentials; the token is reused until shortly before it expires. */
  private synchronized String token() {
    if (token != null && clock.instant().isBefore(tokenValidUntil)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + enc(config.clientId())
            + "&client_secret="
            + enc(config.clientSecret());
    JsonNode answer =
        json(
            send(
                HttpRequest.newBuilder(config.tokenUrl())
                    .timeout(config.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build()));
    String value = answer.path("access_token").asText("");
    if (value.isEmpty()) {
      throw FormServerException.unavailable("Token-Antwort ohne access_token", null);
    }
    token = value;
    tokenValidUntil =
        clock.instant().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 30));
    return token;
  }

  private HttpResponse<InputStream> send(HttpRequest request) {
    HttpResponse<InputStream> response =
        ConnectorHttp.send(http, request, "FIT-Connect", FormServerException::unavailable);
    int status = response.statusCode();
    if (status / 100 == 2) {
      return response;
    }
    try (InputStream in = response.body()) {
      in.skip(64 * 1024);
    } catch (IOException e) {
      // nothing to read
    }
    if (status == 401 || status == 403) {
      synchronized (this) {
        token = null;
      }
    }
    String what = "FIT-Connect antwortet HTTP " + status;
    if (status == 408 || status == 429 || status >= 500) {
      throw FormServerException.unavailable(what, null);
    }
    throw FormServerException.refused(what + " — Client, Zustellpunkt, Schlüssel prüfen", null);
  }

  private static JsonNode json(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      JsonNode node = JSON.readTree(in);
      if (node == null || !node.isObject()) {
        throw FormServerException.unavailable("FIT-Connect-Antwort ist kein JSON-Objekt", null);
      }
      return node;
    } catch (JacksonException e) {
      throw FormServerException.unavailable("FIT-Connect-Antwort ist kein JSON", e);
    } catch (IOException e) {
      throw FormServerException.unavailable("FIT-Connect-Antwort abgebrochen", e);
    }
  }

  private static String text(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return new String(in.readNBytes(120 << 20), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw FormServerException.unavailable("Anlage abgebrochen", e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
