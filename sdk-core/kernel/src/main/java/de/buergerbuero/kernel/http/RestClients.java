package de.buergerbuero.kernel.http;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.ServiceConfigurationError;
import java.util.function.BiFunction;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * What the connectors that speak JSON REST through MicroProfile Rest Client share (ADR 0013): the
 * builder with a clear message when no implementation is present, the cap on answers ({@link
 * BoundedAnswers}) and the translation of failures without an HTTP answer into the form-server
 * error taxonomy. Answers with a status are translated by each connector's own {@code
 * ResponseExceptionMapper}, the one place its vendor's codes are known.
 */
public final class RestClients {
  /** The largest answer a connector reads. */
  public static final long MAX_ANSWER = 200L << 20;

  public static final String MISSING_IMPLEMENTATION =
      "MicroProfile Rest Client not available: enable the Open Liberty feature mpRestClient-4.0"
          + " (outside Liberty: put an implementation such as"
          + " org.jboss.resteasy.microprofile:microprofile-rest-client on the class path)";

  private RestClients() {}

  /** A new builder; without a Rest Client implementation the connector cannot start: say so. */
  public static RestClientBuilder newBuilder() {
    try {
      return RestClientBuilder.newBuilder();
    } catch (IllegalStateException | ServiceConfigurationError | LinkageError e) {
      throw new ConfigurationException(MISSING_IMPLEMENTATION, e);
    }
  }

  /**
   * A failure without a usable HTTP answer (too large, not JSON, timeout, no connection) as a
   * retryable form-server error; a {@link FormServerException} in the cause chain is kept.
   *
   * @param peer the system named in messages, e.g. "Der Formularserver"
   * @param answer the answer named in messages, e.g. "Antwort des Formularservers"
   * @param notJson the message when the answer is not the expected JSON
   */
  public static FormServerException failure(
      RuntimeException e, String peer, String answer, String notJson) {
    return failure(
        e, FormServerException.class, FormServerException::unavailable, peer, answer, notJson);
  }

  /**
   * The same for any port's error type: a failure without a usable HTTP answer becomes the
   * retryable error that {@code unavailable} builds; an error of {@code type} in the cause chain
   * (from the connector's {@code ResponseExceptionMapper}) is kept.
   */
  public static <X extends RuntimeException> X failure(
      RuntimeException e,
      Class<X> type,
      BiFunction<String, Throwable, X> unavailable,
      String peer,
      String answer,
      String notJson) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t instanceof BoundedAnswers.AnswerTooLargeException) {
        return unavailable.apply(answer + " größer als " + (MAX_ANSWER >> 20) + " MB", e);
      }
      if (t instanceof JsonbException || t instanceof JsonException) {
        return unavailable.apply(notJson, e);
      }
      if (t instanceof InterruptedIOException || t instanceof HttpTimeoutException) {
        return unavailable.apply(peer + " antwortet nicht rechtzeitig", e);
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return unavailable.apply(peer + " nicht erreichbar: " + root.getClass().getSimpleName(), e);
  }
}
