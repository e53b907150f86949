package de.buergerbuero.connector.formsolutions;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MACH formsolutions Submission-API v2 (Basic authentication: client number + API key).
 *
 * <ul>
 *   <li>Fetch: {@code GET /submission/api/v2/submission/<Mandant>/<Formularnummer>} answers a JSON
 *       array of submissions with {@code transID}, {@code status}, {@code submissionDate}, {@code
 *       pdf} (Base64), {@code payload} (JSON) or {@code xml} (Base64) and {@code attachments}
 *       ({@code name}, {@code contentType}, {@code content} in Base64). Only {@code NEW} and {@code
 *       READ} (fetched, not yet closed) are delivered; PRELIMINARY, HIDDEN, DELETED and CLOSED are
 *       not.
 *   <li>Acknowledge: {@code PUT …/<Formularnummer>/<transID>/status} with {@code
 *       {"status":"CLOSED"}}; a 404 means it is closed or gone already.
 * </ul>
 *
 * No public machine-readable specification exists; the field list above is the published one, the
 * acknowledgement path is this connector's assumption (configurable in a later version) and {@code
 * FormsolutionsSimulator} in the tests implements exactly this.
 */
public final class FormsolutionsConnector implements FormServerPort {
  static final long MAX_RESPONSE = 200L << 20;
  static final int MAX_FILE = 20 << 20;
  private static final Set<String> DELIVERABLE = Set.of("NEW", "READ");
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(MAX_FILE * 2)
                .maxDocumentLength(MAX_RESPONSE)
                .build());
  }

  private final FormsolutionsConfig config;
  private final HttpClient http;
  private final String authorization;

  public FormsolutionsConnector(FormsolutionsConfig config) {
    this.config = config;
    this.http = ConnectorHttp.client(config.timeout());
    this.authorization = ConnectorHttp.basic(config.clientNumber(), config.apiKey());
  }

  @Override
  public Batch fetch(String formId) {
    HttpResponse<InputStream> response = send(request(formUri(formId)).GET().build());
    JsonNode list;
    try (InputStream in = response.body()) {
      list = JSON.readTree(in);
    } catch (JacksonException e) {
      throw FormServerException.unavailable("Antwort des Formularservers ist kein JSON", e);
    } catch (IOException e) {
      throw FormServerException.unavailable("Antwort des Formularservers abgebrochen", e);
    }
    if (list == null || !list.isArray()) {
      throw FormServerException.unavailable("Antwort des Formularservers ist keine Liste", null);
    }
    List<FormSubmission> submissions = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode item : list) {
      String id = item.path("transID").asText("");
      if (!DELIVERABLE.contains(item.path("status").asText(""))) {
        continue;
      }
      try {
        submissions.add(submission(formId, item));
      } catch (IllegalArgumentException | BuergerbueroException e) {
        rejected.add(new Rejected(id.isEmpty() ? "?" : id, e.getMessage()));
      }
    }
    return new Batch(submissions, rejected);
  }

  /**
   * A submission the form server pushed to us, with the same fields as in the fetch answer.
   *
   * @throws FormServerException {@code FORM_SUBMISSION_MALFORMED} when it cannot be read
   */
  public static FormSubmission pushed(String formId, byte[] body) {
    JsonNode item;
    try {
      item = JSON.readTree(body);
    } catch (IOException e) {
      throw FormServerException.malformed("Einreichung ist kein JSON", e);
    }
    if (item == null || !item.isObject()) {
      throw FormServerException.malformed("Einreichung ist kein JSON-Objekt", null);
    }
    try {
      return submission(formId, item);
    } catch (IllegalArgumentException e) {
      throw FormServerException.malformed(e.getMessage(), e);
    }
  }

  /** Whether a push carries this connector's credentials (Basic), compared in constant time. */
  public boolean authorises(String authorizationHeader) {
    return authorizationHeader != null
        && java.security.MessageDigest.isEqual(
            authorization.getBytes(StandardCharsets.UTF_8),
            authorizationHeader.strip().getBytes(StandardCharsets.UTF_8));
  }

  private static FormSubmission submission(String formId, JsonNode item) {
    String id = item.path("transID").asText("");
    if (!id.matches("[A-Za-z0-9_.:-]{1,100}")) {
      throw new IllegalArgumentException("transID fehlt oder ist ungültig");
    }
    Instant submitted = Instant.now();
    if (item.hasNonNull("submissionDate")) {
      try {
        submitted = OffsetDateTime.parse(item.get("submissionDate").asText()).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("submissionDate ist kein Zeitpunkt");
      }
    }
    Map<String, String> fields;
    if (item.path("payload").isObject()) {
      fields = FormFields.fromTree(JSON.convertValue(item.get("payload"), Object.class));
    } else if (item.hasNonNull("xml")) {
      fields = FormFields.fromXml(base64(item.get("xml"), "xml"));
    } else {
      throw new IllegalArgumentException("weder payload noch xml");
    }
    CaseDocument pdf =
        item.hasNonNull("pdf")
            ? document("Antrag-" + id + ".pdf", "application/pdf", base64(item.get("pdf"), "pdf"))
            : null;
    List<CaseDocument> attachments = new ArrayList<>();
    for (JsonNode a : item.path("attachments")) {
      attachments.add(
          document(
              a.path("name").asText(""),
              a.path("contentType").asText("application/octet-stream"),
              base64(a.get("content"), "attachment")));
    }
    return new FormSubmission(id, formId, submitted, fields, pdf, attachments);
  }

  private static byte[] base64(JsonNode value, String what) {
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(what + " fehlt");
    }
    String text = value.asText();
    if (text.length() > (MAX_FILE / 3 + 1) * 4) {
      throw new IllegalArgumentException(what + " größer als " + (MAX_FILE >> 20) + " MB");
    }
    try {
      // line breaks (MIME style) are fine, anything else outside the alphabet is not
      return Base64.getDecoder().decode(text.replaceAll("[\\r\\n]", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " ist kein gültiges Base64");
    }
  }

  private static CaseDocument document(String name, String mediaType, byte[] bytes) {
    return new CaseDocument(name, mediaType, bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  @Override
  public void acknowledge(String formId, String submissionId) {
    URI uri =
        URI.create(
            formUri(formId)
                + "/"
                + URLEncoder.encode(submissionId, StandardCharsets.UTF_8)
                + "/status");
    HttpResponse<InputStream> response =
        sendAllowing404(
            request(uri)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"CLOSED\"}"))
                .build());
    try (InputStream in = response.body()) {
      in.skip(MAX_FILE);
    } catch (IOException e) {
      // answer body is not needed
    }
  }

  private URI formUri(String formId) {
    if (formId == null || !formId.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw FormServerException.refused("Formularnummer ungültig", null);
    }
    String base = config.baseUrl().toString().replaceAll("/+$", "");
    return URI.create(base + "/submission/api/v2/submission/" + config.mandant() + "/" + formId);
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(config.timeout())
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private HttpResponse<InputStream> send(HttpRequest request) {
    HttpResponse<InputStream> response = exchange(request);
    check(response);
    return response;
  }

  private HttpResponse<InputStream> sendAllowing404(HttpRequest request) {
    HttpResponse<InputStream> response = exchange(request);
    if (response.statusCode() != 404) {
      check(response);
    }
    return response;
  }

  private HttpResponse<InputStream> exchange(HttpRequest request) {
    return ConnectorHttp.send(http, request, "Formularserver", FormServerException::unavailable);
  }

  /** 408, 429, 5xx: try later; other 4xx: configuration or credentials, do not retry. */
  private static void check(HttpResponse<InputStream> response) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    try (InputStream in = response.body()) {
      in.skip(64 * 1024);
    } catch (IOException e) {
      // nothing to read
    }
    String what = "Formularserver antwortet HTTP " + status;
    if (status == 408 || status == 429 || status >= 500) {
      throw FormServerException.unavailable(what, null);
    }
    throw FormServerException.refused(
        what + " — Zugangsdaten, Mandant, Formularnummer prüfen", null);
  }
}
