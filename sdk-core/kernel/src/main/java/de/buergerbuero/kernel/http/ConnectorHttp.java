package de.buergerbuero.kernel.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BiFunction;

/** The HTTP plumbing the connectors share: one way to build the client, credentials and sending. */
public final class ConnectorHttp {
  private ConnectorHttp() {}

  /**
   * HTTP/1.1 with a connect timeout and no redirects: a redirect to another host would carry the
   * connector's credentials along.
   */
  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The {@code Authorization} value for HTTP Basic (RFC 7617, UTF-8). */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends and streams the answer; a timeout, an I/O failure or an interruption becomes the
   * connector's retryable "unavailable" failure, naming {@code peer} (German, no personal data).
   */
  public static <E extends RuntimeException> HttpResponse<InputStream> send(
      HttpClient http,
      HttpRequest request,
      String peer,
      BiFunction<String, Throwable, E> unavailable) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw unavailable.apply(peer + " antwortet nicht rechtzeitig", e);
    } catch (IOException e) {
      throw unavailable.apply(peer + " nicht erreichbar: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable.apply("Unterbrochen", e);
    }
  }
}
