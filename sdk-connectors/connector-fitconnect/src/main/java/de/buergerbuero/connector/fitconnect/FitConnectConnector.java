package de.buergerbuero.connector.fitconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.buergerbuero.connector.fitconnect.api.FitConnectClient;
import de.buergerbuero.connector.fitconnect.api.FitConnectJson;
import de.buergerbuero.connector.fitconnect.api.FitConnectRefusedException;
import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.http.RestClients;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.forms.AnnouncingFormServer;
import de.buergerbuero.kernel.spi.forms.FormFields;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

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
 *
 * <p>The HTTP side is the MicroProfile Rest Client {@link
 * de.buergerbuero.connector.fitconnect.api.SubmissionApi} and {@link
 * de.buergerbuero.connector.fitconnect.api.TokenApi} (JSON-B), built by {@link FitConnectClient};
 * in Open Liberty it needs the {@code mpRestClient-4.0} feature. The submission data is read with
 * Jackson because the JSON Schema validator works on Jackson trees.
 */
public final class FitConnectConnector implements FormServerPort, AnnouncingFormServer {
  static final String ACCEPT = "https://schema.fitko.de/fit-connect/events/accept-submission";
  static final String REJECT = "https://schema.fitko.de/fit-connect/events/reject-submission";

  /** Only for the submission data: the JSON Schema validator reads Jackson trees. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FitConnectConfig config;
  private final Map<String, com.networknt.schema.Schema> schemas = new java.util.HashMap<>();
  private final SubmissionDecryptor decryptor;
  private final Clock clock;
  private final FitConnectClient client;
  private final SubmitEvents submitEvents;
  private final CallbackVerifier callbacks;

  /** A subscriber that takes no callbacks (they are refused). */
  public FitConnectConnector(FitConnectConfig config, Clock clock) {
    this(config, clock, null);
  }

  /**
   * @param callbacks checks the Zustelldienst's callbacks; {@code null}: callbacks are refused
   */
  public FitConnectConnector(FitConnectConfig config, Clock clock, CallbackVerifier callbacks) {
    this.config = config;
    this.callbacks = callbacks;
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
    try {
      this.client =
          new FitConnectClient(
              config.tokenUrl(),
              config.submissionApiUrl(),
              config.clientId(),
              config.clientSecret(),
              config.destinationId(),
              config.timeout(),
              clock);
    } catch (NoClassDefFoundError e) {
      throw new ConfigurationException(RestClients.MISSING_IMPLEMENTATION, e);
    }
    this.submitEvents = new SubmitEvents(client, clock);
  }

  /** Collects {@link #fetch(String, Receiver)} into a batch, documents copied into memory. */
  @Override
  public Batch fetch(String serviceType) {
    List<FormSubmission> submissions = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    fetch(
        serviceType,
        new Receiver() {
          @Override
          public void accept(FormSubmission submission) {
            submissions.add(inMemory(submission));
          }

          @Override
          public void rejected(Rejected r) {
            rejected.add(r);
          }
        });
    return new Batch(submissions, rejected);
  }

  /**
   * One submission at a time: fetched, its submit event checked, decrypted (attachments streamed
   * into a temporary directory deleted after {@link Receiver#accept}), handed over. A submission
   * that cannot be fetched now is {@linkplain Receiver#deferred deferred}; only a refusal of the
   * client (401, 403) or an unreadable list stops the fetch.
   */
  @Override
  public void fetch(String serviceType, Receiver receiver) {
    for (FitConnectJson.SubmissionList.Entry entry : client.submissions()) {
      String id = entry == null || entry.submissionId() == null ? "" : entry.submissionId();
      if (!id.matches("[0-9a-fA-F-]{36}")) {
        continue;
      }
      FitConnectJson.Submission submission;
      try {
        submission = client.submission(id);
      } catch (FormServerException e) {
        stopOnRefusal(e);
        receiver.deferred(id, e.getMessage());
        continue;
      }
      if (!serviceType.equals(submission.serviceIdentifier())) {
        continue;
      }
      try (Spool spool = new Spool()) {
        FormSubmission read;
        try {
          read = read(serviceType, submission, spool);
        } catch (FormServerException e) {
          stopOnRefusal(e);
          if (e.isRetryable()) {
            receiver.deferred(id, e.getMessage());
          } else {
            event(submission, REJECT, e.getMessage(), null);
            receiver.rejected(new Rejected(id, e.getMessage()));
          }
          continue;
        }
        receiver.accept(read);
      }
    }
  }

  private static void stopOnRefusal(FormServerException e) {
    if (e instanceof FitConnectRefusedException refused
        && (refused.status() == 401 || refused.status() == 403)) {
      throw e;
    }
  }

  private FormSubmission read(
      String serviceType, FitConnectJson.Submission submission, Spool spool) {
    String id = submission.submissionId();
    String encryptedMetadata = orEmpty(submission.encryptedMetadata());
    String encryptedData = orEmpty(submission.encryptedData());
    SubmitEvents.Tags tags = submitEvents.of(id, orEmpty(submission.caseId()));
    requireTag("Metadaten", tags.metadata(), tag(encryptedMetadata));
    if (!encryptedData.isEmpty()) {
      requireTag("Fachdaten", tags.data(), tag(encryptedData));
    }
    FitConnectJson.Metadata metadata =
        FitConnectClient.metadata(decryptor.decrypt(encryptedMetadata));
    FitConnectJson.ContentStructure content = metadata.contentStructure();
    FitConnectJson.Data dataInfo = content == null ? null : content.data();
    FitConnectJson.SubmissionSchema announced =
        dataInfo == null ? null : dataInfo.submissionSchema();
    String schemaUri = announced == null ? "" : orEmpty(announced.schemaUri());
    com.networknt.schema.Schema schema = schemas.get(schemaUri);
    if (schema == null) {
      throw FormServerException.malformed("Fachdatenschema nicht angenommen: " + schemaUri, null);
    }
    byte[] data = decryptor.decrypt(encryptedData);
    SubmissionDecryptor.requireSha512(data, hash(dataInfo.hash()), "Fachdaten");
    Map<String, String> fields;
    String mimeType = announced.mimeType() == null ? "application/json" : announced.mimeType();
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
    for (FitConnectJson.Attachment a :
        content.attachments() == null
            ? List.<FitConnectJson.Attachment>of()
            : content.attachments()) {
      String attachmentId = a == null ? "" : orEmpty(a.attachmentId());
      if (!attachmentId.matches("[0-9a-fA-F-]{36}")) {
        throw FormServerException.malformed("Anlage ohne gültige attachmentId", null);
      }
      Path file = spool.file();
      StreamingJwe.Result result;
      try (InputStream jwe = client.attachment(id, attachmentId)) {
        result = decryptor.decryptTo(jwe, file);
      } catch (IOException e) {
        throw FormServerException.unavailable("Anlage nicht lesbar", e);
      }
      requireTag(
          "Anlage " + attachmentId,
          tags.attachments().get(attachmentId),
          result.authenticationTag());
      SubmissionDecryptor.requireSha512Digest(result.sha512(), hash(a.hash()), "Anlage");
      CaseDocument document;
      try {
        document =
            new CaseDocument(
                a.filename() == null ? attachmentId : a.filename(),
                a.mimeType() == null ? "application/octet-stream" : a.mimeType(),
                result.size(),
                () -> Files.newInputStream(file));
      } catch (BuergerbueroException e) {
        throw FormServerException.malformed("Anlage abgelehnt: " + e.getMessage(), e);
      }
      if ("form".equals(a.purpose()) && pdf == null) {
        pdf = document;
      } else {
        attachments.add(document);
      }
    }
    String date =
        metadata.additionalReferenceInfo() == null
            ? ""
            : orEmpty(metadata.additionalReferenceInfo().submissionDate());
    Instant submitted = submittedAt(date, clock.instant());
    return new FormSubmission(id, serviceType, submitted, fields, pdf, attachments);
  }

  /**
   * {@code additionalReferenceInfo.submissionDate}: a full date ({@code 2026-11-27}, taken as the
   * start of that day in Germany) or a date-time with or without offset and fraction; anything else
   * (or nothing) is the time of the fetch — the date is informative, not a reason to refuse.
   */
  static Instant submittedAt(String date, Instant fetched) {
    String value = date == null ? "" : date.strip();
    java.time.ZoneId germany = java.time.ZoneId.of("Europe/Berlin");
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      // try the other forms
    }
    try {
      return java.time.LocalDateTime.parse(value).atZone(germany).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      // try the other forms
    }
    try {
      return java.time.LocalDate.parse(value).atStartOfDay(germany).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return fetched;
    }
  }

  private static void requireTag(String part, String announced, String actual) {
    if (announced == null
        || !MessageDigest.isEqual(
            announced.getBytes(StandardCharsets.US_ASCII),
            actual.getBytes(StandardCharsets.US_ASCII))) {
      throw FormServerException.malformed(
          "Authentication-Tag von "
              + part
              + " stimmt nicht mit dem submit-submission-Ereignis des Zustelldienstes überein",
          null);
    }
  }

  private static FormSubmission inMemory(FormSubmission s) {
    return new FormSubmission(
        s.submissionId(),
        s.formId(),
        s.submittedAt(),
        s.fields(),
        s.pdf() == null ? null : inMemory(s.pdf()),
        s.attachments().stream().map(FitConnectConnector::inMemory).toList());
  }

  private static CaseDocument inMemory(CaseDocument d) {
    byte[] bytes;
    try (InputStream in = d.content().open()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw FormServerException.unavailable("Anlage nicht lesbar", e);
    }
    return new CaseDocument(
        d.fileName(), d.mediaType(), bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  /** Authentic (HMAC over timestamp and body), fresh, and not seen by this connector before. */
  @Override
  public Optional<String> refuseCallback(UnaryOperator<String> header, byte[] body) {
    if (callbacks == null) {
      return Optional.of("no callback secret configured");
    }
    CallbackVerifier.Outcome outcome =
        callbacks.verify(
            header.apply("callback-timestamp"), header.apply("callback-authentication"), body);
    return outcome == CallbackVerifier.Outcome.ACCEPTED
        ? Optional.empty()
        : Optional.of(outcome.name());
  }

  /** The signature: unique per timestamp and body, so a replay carries the same one. */
  @Override
  public Optional<String> callbackId(UnaryOperator<String> header) {
    return Optional.ofNullable(header.apply("callback-authentication"))
        .map(value -> value.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public Duration callbackWindow() {
    return CallbackVerifier.MAX_AGE.plus(CallbackVerifier.MAX_AHEAD);
  }

  /** Decrypted attachments of one submission, deleted when it has been handed over. */
  private static final class Spool implements AutoCloseable {
    private Path directory;
    private int files;

    Path file() {
      try {
        if (directory == null) {
          directory = Files.createTempDirectory("fitconnect-");
        }
        return directory.resolve("part-" + files++);
      } catch (IOException e) {
        throw FormServerException.unavailable("Kein Platz für Anlagen: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      if (directory == null) {
        return;
      }
      try (var paths = Files.list(directory)) {
        for (Path p : paths.toList()) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(directory);
      } catch (IOException e) {
        // the temporary directory is left for the OS to clean
      }
    }
  }

  @Override
  public void acknowledge(String serviceType, String submissionId) {
    FitConnectJson.Submission submission = client.submission(submissionId);
    SubmitEvents.Tags tags = submitEvents.of(submissionId, orEmpty(submission.caseId()));
    event(submission, ACCEPT, null, tags.attachments());
  }

  /** Posts a signed Security Event Token (accept or reject) to the case's event log. */
  private void event(
      FitConnectJson.Submission submission,
      String event,
      String problem,
      Map<String, String> attachmentTags) {
    String caseId = orEmpty(submission.caseId());
    String submissionId = orEmpty(submission.submissionId());
    Map<String, Object> payload = new LinkedHashMap<>();
    if (ACCEPT.equals(event)) {
      Map<String, Object> tags = new LinkedHashMap<>();
      tags.put("metadata", tag(orEmpty(submission.encryptedMetadata())));
      tags.put("data", tag(orEmpty(submission.encryptedData())));
      tags.put("attachments", attachmentTags == null ? Map.of() : attachmentTags);
      payload.put("authenticationTags", tags);
    } else {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("type", "https://schema.fitko.de/fit-connect/events/problems/invalid-submission");
      entry.put("title", "Einreichung nicht verarbeitbar");
      entry.put("detail", problem);
      payload.put("problems", List.of(entry));
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
              .claim("events", Map.of(event, payload))
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
    client.event(caseId, set);
  }

  private static String tag(String compactJwe) {
    int last = compactJwe.lastIndexOf('.');
    return last < 0 ? "" : compactJwe.substring(last + 1);
  }

  /** The metadata schema's {@code hash}: {@code type} is {@code sha512} (its only value). */
  private static String hash(FitConnectJson.Hash hash) {
    if (hash != null && hash.type() != null && !"sha512".equals(hash.type().strip())) {
      throw FormServerException.malformed(
          "Hashtyp " + hash.type() + " nicht zugelassen (Metadatenschema: sha512)", null);
    }
    return hash == null ? "" : orEmpty(hash.content());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
