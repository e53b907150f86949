package de.buergerbuero.connector.dms.cmis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.buergerbuero.kernel.http.ConnectorHttp;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP side of the browser binding: sends requests and translates every HTTP status, CMIS
 * exception, timeout and malformed answer into a {@link DocumentStoreException} — in this one
 * place. The mapping is the one the HTTP transport kit checks (see {@code
 * HttpTransportCompatibilityKit}):
 *
 * <ul>
 *   <li>401, 403 (unauthorized, permissionDenied), 400 (invalidArgument), 404 (objectNotFound: a
 *       wrong URL, repository or folder), 405/501 (notSupported), other 4xx: refused, not retried;
 *   <li>409 (nameConstraintViolation, contentAlreadyExists) is handed back to the caller, which
 *       treats it as "someone filed it already" and reads the object; other 409: refused;
 *   <li>413: the document is rejected;
 *   <li>408, 429, 5xx, timeouts, refused or reset connections and answers that are not CMIS JSON:
 *       unavailable, retried with back-off.
 * </ul>
 */
final class CmisTransport {
  private static final int MAX_ERROR_BODY = 16 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final CmisDmsConfig config;
  private final String authorization;
  private volatile String rootFolderUrl;

  CmisTransport(CmisDmsConfig config) {
    this.config = config;
    this.http = ConnectorHttp.client(config.timeout());
    this.authorization = ConnectorHttp.basic(config.username(), config.password());
  }

  /**
   * A 409 the caller can resolve: the name is taken, usually by an earlier or parallel filing.
   * {@link #certain()} is false for a 409 without the CMIS error object (§5.2.10: repositories
   * SHOULD, not MUST, send it): then the caller looks for the object and, when there is none,
   * refuses with {@link #refusal()}.
   */
  static final class NameTaken extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient DocumentStoreException refusal;

    NameTaken(String message, DocumentStoreException refusal) {
      super(message, null, false, false);
      this.refusal = refusal;
    }

    boolean certain() {
      return refusal == null;
    }

    DocumentStoreException refusal() {
      return refusal;
    }
  }

  /**
   * The repository's root folder URL plus the given path segments, each percent-encoded.
   *
   * <p>The root folder URL is the {@code rootFolderUrl} of the repository's info in the service
   * document (CMIS 1.1 §5.3.1: clients use the URLs the repository announces rather than build
   * them; Alfresco's is {@code <url>/root}, the InMemory server's {@code <url>/A1/root}). Its path
   * is taken, scheme and host stay the configured ones: behind a reverse proxy the DMS often
   * announces its internal host or {@code http}.
   */
  URI rootUri(Iterable<String> pathSegments, Map<String, String> query) {
    StringBuilder uri = new StringBuilder(rootFolderUrl());
    for (String segment : pathSegments) {
      uri.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    if (!query.isEmpty()) {
      uri.append('?').append(formEncode(query));
    }
    return URI.create(uri.toString());
  }

  private String serviceUrl() {
    String base = config.browserUrl().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private String rootFolderUrl() {
    String known = rootFolderUrl;
    if (known != null) {
      return known;
    }
    URI service = URI.create(serviceUrl());
    HttpResponse<InputStream> response = send(request(service).GET().build());
    if (response.statusCode() == 404) {
      // no service document here: the next request, at the usual place, reports what is wrong
      drain(response);
      return serviceUrl()
          + "/"
          + URLEncoder.encode(config.repositoryId(), StandardCharsets.UTF_8).replace("+", "%20")
          + "/root";
    }
    JsonNode info = repositoryInfo(json(response));
    JsonNode announced = info.path("rootFolderUrl");
    if (!announced.isTextual() || announced.textValue().isBlank()) {
      throw DocumentStoreException.refused(
          "CMIS-Repository "
              + config.repositoryId()
              + " nennt keine rootFolderUrl (CMIS 1.1 §5.3.1 verlangt sie im Browser Binding)",
          null);
    }
    URI root;
    try {
      root = service.resolve(new URI(announced.textValue().trim()));
    } catch (URISyntaxException e) {
      throw DocumentStoreException.refused(
          "CMIS-Repository " + config.repositoryId() + ": rootFolderUrl ist keine URL", e);
    }
    String path = root.getRawPath() == null ? "" : root.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    rootFolderUrl = service.getScheme() + "://" + service.getRawAuthority() + path;
    return rootFolderUrl;
  }

  /** The configured repository's info from the service document (keyed by repository id). */
  private JsonNode repositoryInfo(JsonNode repositories) {
    JsonNode info = repositories.get(config.repositoryId());
    if (info != null && info.isObject()) {
      return info;
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode candidate : repositories) {
      String id = candidate.path("repositoryId").asText("");
      if (id.equals(config.repositoryId())) {
        return candidate;
      }
      ids.add(id);
    }
    throw DocumentStoreException.refused(
        "CMIS-Server kennt das Repository "
            + config.repositoryId()
            + " nicht (vorhanden: "
            + String.join(", ", ids)
            + ") — "
            + CmisDmsConfig.PREFIX
            + "repository prüfen",
        null);
  }

  /** GETs a JSON answer; {@code null} when the object does not exist (404 objectNotFound). */
  JsonNode getJsonOrNull(URI uri) {
    HttpResponse<InputStream> response = send(request(uri).GET().build());
    if (response.statusCode() == 404) {
      drain(response);
      return null;
    }
    return json(response);
  }

  /** POSTs a form; throws {@link NameTaken} on a name conflict. */
  JsonNode postForm(URI uri, Map<String, String> form) throws NameTaken {
    HttpRequest request =
        request(uri)
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
            .build();
    return jsonOrNameTaken(send(request));
  }

  /** POSTs an action whose answer has no body worth reading (delete); a gone object is fine. */
  void postAction(URI uri, Map<String, String> form) {
    HttpRequest request =
        request(uri)
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
            .build();
    HttpResponse<InputStream> response = send(request);
    int status = response.statusCode();
    if (status / 100 != 2 && status != 404) {
      throw translate(status, errorBody(response));
    }
    drain(response);
  }

  /** POSTs a multipart request whose body is streamed; throws {@link NameTaken} on a conflict. */
  JsonNode postMultipart(URI uri, MultipartBody body) throws NameTaken {
    HttpRequest request =
        request(uri).header("Content-Type", body.contentType()).POST(body.publisher()).build();
    try {
      return jsonOrNameTaken(send(request));
    } catch (DocumentStoreException e) {
      body.throwIfContentMismatched();
      throw e;
    }
  }

  /** Opens a document's content; a missing or content-less object is {@code NO_SUCH_DOCUMENT}. */
  InputStream getContent(URI uri, String documentId) {
    HttpResponse<InputStream> response = send(request(uri).GET().build());
    int status = response.statusCode();
    if (status / 100 == 2) {
      return response.body();
    }
    ErrorBody error = errorBody(response);
    if (status == 404 || status == 409 || status == 400) {
      throw DocumentStoreException.noSuchDocument(documentId);
    }
    throw translate(status, error);
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(config.timeout())
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private HttpResponse<InputStream> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw DocumentStoreException.unavailable(
          "CMIS-Server antwortet nicht innerhalb von " + config.timeout(), e);
    } catch (IOException e) {
      throw DocumentStoreException.unavailable(
          "CMIS-Server nicht erreichbar: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DocumentStoreException.unavailable("Unterbrochen beim Warten auf den CMIS-Server", e);
    }
  }

  private JsonNode jsonOrNameTaken(HttpResponse<InputStream> response) throws NameTaken {
    if (response.statusCode() == 409) {
      ErrorBody error = errorBody(response);
      if ("nameConstraintViolation".equalsIgnoreCase(error.exception())
          || "contentAlreadyExists".equalsIgnoreCase(error.exception())) {
        throw new NameTaken(error.message(), null);
      }
      if (error.exception().isEmpty()) {
        throw new NameTaken("HTTP 409", translate(409, error));
      }
      throw translate(409, error);
    }
    return json(response);
  }

  private JsonNode json(HttpResponse<InputStream> response) {
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw translate(status, errorBody(response));
    }
    try (InputStream in = response.body()) {
      JsonNode node = JSON.readTree(in);
      if (node == null || !node.isObject()) {
        throw DocumentStoreException.unavailable(
            "Antwort des CMIS-Servers ist kein JSON-Objekt (HTTP " + status + ")", null);
      }
      return node;
    } catch (JacksonException e) {
      throw DocumentStoreException.unavailable(
          "Antwort des CMIS-Servers ist kein gültiges JSON (HTTP " + status + ")", e);
    } catch (IOException e) {
      throw DocumentStoreException.unavailable("Antwort des CMIS-Servers abgebrochen", e);
    }
  }

  record ErrorBody(String exception, String message) {}

  private static ErrorBody errorBody(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
      JsonNode node = JSON.readTree(bytes);
      if (node != null && node.isObject()) {
        return new ErrorBody(
            node.path("exception").asText(""), shorten(node.path("message").asText("")));
      }
    } catch (IOException | RuntimeException e) {
      // not a CMIS error document (a proxy's HTML page, a cut connection): status alone decides
    }
    return new ErrorBody("", "");
  }

  private static void drain(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.skip(MAX_ERROR_BODY);
    } catch (IOException e) {
      // nothing to recover
    }
  }

  /** The status-to-error mapping; see the class comment. */
  static DocumentStoreException translate(int status, ErrorBody error) {
    String what =
        "CMIS-Server antwortet HTTP "
            + status
            + (error.exception().isEmpty() ? "" : " (" + error.exception() + ")")
            + (error.message().isEmpty() ? "" : ": " + error.message());
    if (status == 408 || status == 429 || status >= 500 && status != 501) {
      return DocumentStoreException.unavailable(what, null);
    }
    if (status == 413) {
      return DocumentStoreException.rejected("Dokument zu groß für das DMS. " + what);
    }
    if (status == 404) {
      return DocumentStoreException.refused(
          what + " — URL, Repository oder Ablageordner prüfen (" + CmisDmsConfig.PREFIX + "…)",
          null);
    }
    if (status >= 400) {
      return DocumentStoreException.refused(what, null);
    }
    return DocumentStoreException.unavailable(what, null);
  }

  private static String shorten(String message) {
    String oneLine = message.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
  }

  static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Form parameters in CMIS browser binding property notation, in insertion order. */
  static Map<String, String> properties(String action, Map<String, String> properties) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_charset_", "UTF-8");
    form.put("cmisaction", action);
    int i = 0;
    for (Map.Entry<String, String> p : properties.entrySet()) {
      form.put("propertyId[" + i + "]", p.getKey());
      form.put("propertyValue[" + i + "]", p.getValue());
      i++;
    }
    form.put("succinct", "true");
    return form;
  }
}
