package de.buergerbuero.connector.fitconnect.api;

import de.buergerbuero.kernel.http.RestClients;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the {@link TokenApi} and {@link SubmissionApi} clients with {@link RestClientBuilder}, so
 * the same code runs in Open Liberty ({@code mpRestClient-4.0}) and in plain JUnit tests (any Rest
 * Client implementation on the class path). Holds the OAuth2 token (client credentials), reused
 * until shortly before it expires and dropped on 401/403, and turns what has no HTTP answer —
 * timeouts, broken connections, bodies that are not the API's JSON — into {@code
 * FORM_SERVER_UNAVAILABLE}.
 */
public final class FitConnectClient {

  private final TokenApi tokens;
  private final SubmissionApi api;
  private final KeysApi keys;
  private final String clientId;
  private final String clientSecret;
  private final String destinationId;
  private final Clock clock;
  private String token;
  private Instant tokenValidUntil = Instant.EPOCH;

  /**
   * @param timeout connect timeout and read timeout of every request
   */
  public FitConnectClient(
      URI tokenUrl,
      URI submissionApiUrl,
      String clientId,
      String clientSecret,
      String destinationId,
      Duration timeout,
      Clock clock) {
    this.tokens = builder(tokenUrl, timeout).build(TokenApi.class);
    this.api =
        builder(URI.create(submissionApiUrl.toString().replaceAll("/+$", "")), timeout)
            .build(SubmissionApi.class);
    this.keys =
        builder(URI.create(submissionApiUrl.toString().replaceAll("/+$", "")), timeout)
            .build(KeysApi.class);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.destinationId = destinationId;
    this.clock = clock;
  }

  private static RestClientBuilder builder(URI baseUri, Duration timeout) {
    return RestClients.newBuilder()
        .baseUri(baseUri)
        .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        // a redirect to another host would carry the token or the client secret along
        .followRedirects(false)
        .property("microprofile.rest.client.disable.default.mapper", true);
  }

  /** The ids of the submissions waiting at the destination (first 500). */
  public List<FitConnectJson.SubmissionList.Entry> submissions() {
    FitConnectJson.SubmissionList list =
        authorised(bearer -> api.submissions(bearer, destinationId, 0, 500));
    if (list == null) {
      throw FormServerException.unavailable("FIT-Connect-Antwort ist kein JSON-Objekt", null);
    }
    return list.submissions() == null ? List.of() : list.submissions();
  }

  public FitConnectJson.Submission submission(String submissionId) {
    FitConnectJson.Submission submission =
        authorised(bearer -> api.submission(bearer, submissionId));
    if (submission == null) {
      throw FormServerException.unavailable("FIT-Connect-Antwort ist kein JSON-Objekt", null);
    }
    return submission;
  }

  /** The encrypted attachment (JWE, compact serialisation) as a stream; the caller closes it. */
  public InputStream attachment(String submissionId, String attachmentId) {
    InputStream jwe = authorised(bearer -> api.attachment(bearer, submissionId, attachmentId));
    return jwe == null ? InputStream.nullInputStream() : jwe;
  }

  /** The Security Event Tokens of a case. */
  public List<String> eventLog(String caseId) {
    FitConnectJson.EventLog log = authorised(bearer -> api.eventLog(bearer, caseId));
    if (log == null) {
      throw FormServerException.unavailable("FIT-Connect-Antwort ist kein JSON-Objekt", null);
    }
    return log.eventLog() == null ? List.of() : log.eventLog();
  }

  /** The Zustelldienst's public signature keys (JWK Set as JSON). */
  public String zustelldienstKeys() {
    String jwks = call(keys::jwks);
    return jwks == null ? "" : jwks;
  }

  public void event(String caseId, String securityEventToken) {
    authorised(
        bearer -> {
          api.event(bearer, caseId, securityEventToken);
          return null;
        });
  }

  /**
   * Reads decrypted metadata.
   *
   * @throws FormServerException {@code FORM_SUBMISSION_MALFORMED} when it is not the metadata JSON
   */
  public static FitConnectJson.Metadata metadata(byte[] json) {
    FitConnectJson.Metadata metadata;
    try {
      metadata = Json.JSONB.fromJson(new ByteArrayInputStream(json), FitConnectJson.Metadata.class);
    } catch (JsonbException | JsonException e) {
      throw FormServerException.malformed("Metadaten sind kein JSON", e);
    }
    if (metadata == null) {
      throw FormServerException.malformed("Metadaten sind leer", null);
    }
    return metadata;
  }

  private <T> T authorised(Function<String, T> request) {
    String bearer = "Bearer " + token();
    try {
      return call(() -> request.apply(bearer));
    } catch (FitConnectRefusedException e) {
      if (e.status() == 401 || e.status() == 403) {
        synchronized (this) {
          token = null;
        }
      }
      throw e;
    }
  }

  /** OAuth2 client credentials; the token is reused until shortly before it expires. */
  private synchronized String token() {
    if (token != null && clock.instant().isBefore(tokenValidUntil)) {
      return token;
    }
    FitConnectJson.Token answer =
        call(() -> tokens.token("client_credentials", clientId, clientSecret));
    if (answer == null || answer.accessToken() == null || answer.accessToken().isEmpty()) {
      throw FormServerException.unavailable("Token-Antwort ohne access_token", null);
    }
    long expiresIn = answer.expiresIn() == null ? 60 : answer.expiresIn();
    token = answer.accessToken();
    tokenValidUntil = clock.instant().plusSeconds(Math.max(0, expiresIn - 30));
    return token;
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
        e, FitConnectErrors.PEER, "FIT-Connect-Antwort", "FIT-Connect-Antwort ist kein JSON");
  }

  /** Created on first use: metadata is read with JSON-B outside the Rest Client. */
  private static final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();
  }
}
