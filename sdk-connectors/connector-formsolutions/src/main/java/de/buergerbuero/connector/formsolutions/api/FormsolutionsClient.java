package de.buergerbuero.connector.formsolutions.api;

import de.buergerbuero.kernel.http.RestClients;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the {@link SubmissionApi} client with {@link RestClientBuilder}, so the same code runs in
 * Open Liberty ({@code mpRestClient-4.0}) and in plain JUnit tests (any Rest Client implementation
 * on the class path), and turns what has no HTTP answer — timeouts, broken connections, bodies that
 * are not the API's JSON — into {@code FORM_SERVER_UNAVAILABLE}.
 */
public final class FormsolutionsClient {

  private final SubmissionApi api;
  private final String mandant;

  /**
   * @param authorization the complete {@code Authorization} value (HTTP Basic)
   * @param timeout connect timeout and read timeout
   */
  public FormsolutionsClient(URI baseUrl, String mandant, String authorization, Duration timeout) {
    this.mandant = mandant;
    this.api =
        RestClients.newBuilder()
            .baseUri(URI.create(baseUrl.toString().replaceAll("/+$", "")))
            .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            // a redirect to another host would carry the credentials along
            .followRedirects(false)
            .property("microprofile.rest.client.disable.default.mapper", true)
            .register(new Credentials(authorization))
            .build(SubmissionApi.class);
  }

  /**
   * One entry of the list: mapped, or — when it does not have the API's shape — {@code null} with
   * the reason; {@code transId} and {@code status} as far as they could be read.
   */
  public record Entry(String transId, String status, SubmissionJson submission, String problem) {}

  /** All submissions of the form, each mapped on its own; never {@code null}. */
  public List<Entry> submissions(String formId) {
    List<JsonValue> list = call(() -> api.submissions(mandant, formId));
    if (list == null) {
      throw FormServerException.unavailable("Antwort des Formularservers ist keine Liste", null);
    }
    List<Entry> entries = new ArrayList<>(list.size());
    for (JsonValue value : list) {
      entries.add(entry(value));
    }
    return entries;
  }

  private static Entry entry(JsonValue value) {
    if (!(value instanceof JsonObject item)) {
      return new Entry("", "", null, "Eintrag ist kein JSON-Objekt");
    }
    String transId = item.get("transID") instanceof JsonString s ? s.getString() : "";
    String status = item.get("status") instanceof JsonString s ? s.getString() : "";
    try {
      return new Entry(
          transId, status, Json.JSONB.fromJson(item.toString(), SubmissionJson.class), null);
    } catch (JsonbException | JsonException e) {
      return new Entry(transId, status, null, "Eintrag passt nicht zur Submission-API");
    }
  }

  /** Marks the submission CLOSED; one that is closed or gone already (404) is fine. */
  public void close(String formId, String transId) {
    try {
      call(
          () -> {
            api.status(mandant, formId, transId, new SubmissionJson.StatusChange("CLOSED"));
            return null;
          });
    } catch (FormsolutionsNotFoundException e) {
      // closed before, or removed at the server: nothing is left to acknowledge
    }
  }

  /**
   * Reads one pushed submission.
   *
   * @throws FormServerException {@code FORM_SUBMISSION_MALFORMED} when it is not a JSON object of
   *     the API's shape
   */
  public static SubmissionJson pushed(byte[] body) {
    SubmissionJson item;
    try {
      item = Json.JSONB.fromJson(new java.io.ByteArrayInputStream(body), SubmissionJson.class);
    } catch (JsonbException | JsonException e) {
      throw FormServerException.malformed("Einreichung ist kein JSON-Objekt der Submission-API", e);
    }
    if (item == null) {
      throw FormServerException.malformed("Einreichung ist leer", null);
    }
    return item;
  }

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ProcessingException | JsonbException | JsonException e) {
      throw translate(e);
    }
  }

  static FormServerException translate(RuntimeException e) {
    return RestClients.failure(
        e,
        FormsolutionsErrors.PEER,
        "Antwort des Formularservers",
        "Antwort des Formularservers ist kein JSON der Submission-API");
  }

  /** Adds the Basic credentials to every request of this client. */
  private record Credentials(String authorization) implements ClientRequestFilter {
    @Override
    public void filter(ClientRequestContext request) {
      request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
    }
  }

  /** Created on first use: list entries and pushes are mapped with JSON-B here. */
  private static final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();
  }
}
