package de.buergerbuero.connector.formsolutions;

import de.buergerbuero.connector.formsolutions.api.FormsolutionsClient;
import de.buergerbuero.connector.formsolutions.api.JsonTrees;
import de.buergerbuero.connector.formsolutions.api.SubmissionJson;
import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.http.ConnectorHttp;
import de.buergerbuero.kernel.http.RestClients;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.forms.FormFields;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import de.buergerbuero.kernel.spi.forms.PushingFormServer;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
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
 * The HTTP side is the MicroProfile Rest Client {@link
 * de.buergerbuero.connector.formsolutions.api.SubmissionApi} (JSON-B), built by {@link
 * FormsolutionsClient}; in Open Liberty it needs the {@code mpRestClient-4.0} feature.
 *
 * <p>No public machine-readable specification exists; the field list above is the published one,
 * the acknowledgement path is this connector's assumption (configurable in a later version) and
 * {@code FormsolutionsSimulator} in the tests implements exactly this.
 */
public final class FormsolutionsConnector implements FormServerPort, PushingFormServer {
  static final int MAX_FILE = 20 << 20;
  private static final Set<String> DELIVERABLE = Set.of("NEW", "READ");

  private final FormsolutionsClient client;
  private final String authorization;

  public FormsolutionsConnector(FormsolutionsConfig config) {
    this.authorization = ConnectorHttp.basic(config.clientNumber(), config.apiKey());
    try {
      this.client =
          new FormsolutionsClient(
              config.baseUrl(), config.mandant(), authorization, config.timeout());
    } catch (NoClassDefFoundError e) {
      throw new ConfigurationException(RestClients.MISSING_IMPLEMENTATION, e);
    }
  }

  @Override
  public Batch fetch(String formId) {
    List<FormSubmission> submissions = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (FormsolutionsClient.Entry entry : client.submissions(checked(formId))) {
      if (!DELIVERABLE.contains(entry.status())) {
        continue;
      }
      String id = entry.transId().isEmpty() ? "?" : entry.transId();
      if (entry.submission() == null) {
        rejected.add(new Rejected(id, entry.problem()));
        continue;
      }
      try {
        submissions.add(submission(formId, entry.submission()));
      } catch (IllegalArgumentException | BuergerbueroException e) {
        rejected.add(new Rejected(id, e.getMessage()));
      }
    }
    return new Batch(submissions, rejected);
  }

  /**
   * A submission the form server pushed to us, with the same fields as in the fetch answer.
   *
   * @throws FormServerException {@code FORM_SUBMISSION_MALFORMED} when it cannot be read
   */
  @Override
  public FormSubmission pushed(String formId, byte[] body) {
    SubmissionJson item = FormsolutionsClient.pushed(body);
    try {
      return submission(formId, item);
    } catch (IllegalArgumentException e) {
      throw FormServerException.malformed(e.getMessage(), e);
    }
  }

  /** Whether a push carries this connector's credentials (Basic), compared in constant time. */
  @Override
  public boolean authorises(String authorizationHeader) {
    return authorizationHeader != null
        && java.security.MessageDigest.isEqual(
            authorization.getBytes(StandardCharsets.UTF_8),
            authorizationHeader.strip().getBytes(StandardCharsets.UTF_8));
  }

  private static FormSubmission submission(String formId, SubmissionJson item) {
    String id = item.transID() == null ? "" : item.transID();
    if (!id.matches("[A-Za-z0-9_.:-]{1,100}")) {
      throw new IllegalArgumentException("transID fehlt oder ist ungültig");
    }
    Instant submitted = Instant.now();
    if (item.submissionDate() != null) {
      try {
        submitted = OffsetDateTime.parse(item.submissionDate()).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("submissionDate ist kein Zeitpunkt");
      }
    }
    Map<String, String> fields;
    if (item.payload() != null && item.payload().getValueType() == JsonValue.ValueType.OBJECT) {
      fields = FormFields.fromTree(JsonTrees.plain(item.payload()));
    } else if (item.xml() != null) {
      fields = FormFields.fromXml(base64(item.xml(), "xml"));
    } else {
      throw new IllegalArgumentException("weder payload noch xml");
    }
    CaseDocument pdf =
        item.pdf() != null
            ? document("Antrag-" + id + ".pdf", "application/pdf", base64(item.pdf(), "pdf"))
            : null;
    List<CaseDocument> attachments = new ArrayList<>();
    if (item.attachments() != null) {
      for (SubmissionJson.Attachment a : item.attachments()) {
        if (a == null) {
          throw new IllegalArgumentException("attachment fehlt");
        }
        attachments.add(
            document(
                a.name() == null ? "" : a.name(),
                a.contentType() == null ? "application/octet-stream" : a.contentType(),
                base64(a.content(), "attachment")));
      }
    }
    return new FormSubmission(id, formId, submitted, fields, pdf, attachments);
  }

  private static byte[] base64(String text, String what) {
    if (text == null) {
      throw new IllegalArgumentException(what + " fehlt");
    }
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
    client.close(checked(formId), submissionId);
  }

  private static String checked(String formId) {
    if (formId == null || !formId.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw FormServerException.refused("Formularnummer ungültig", null);
    }
    return formId;
  }
}
