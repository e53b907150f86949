package de.buergerbuero.kernel.spi.delivery;

import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.KernelError;
import java.util.List;

/**
 * The one error type every delivery connector raises; {@link #isRetryable()} tells the outbox
 * whether to try again. Connectors translate their peer's answers into these in one place.
 */
public class DeliveryException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  protected DeliveryException(KernelError code, String detail, boolean retryable, Throwable cause) {
    super(code, detail, List.of(), retryable, cause);
  }

  /** The channel could not be reached or failed transiently (network, 5xx, 429): retry later. */
  public static DeliveryException unavailable(String detail, Throwable cause) {
    return new DeliveryException(KernelError.DELIVERY_UNAVAILABLE, detail, true, cause);
  }

  /** The channel refused for good (certificate, credentials, configuration): do not retry. */
  public static DeliveryException refused(String detail, Throwable cause) {
    return new DeliveryException(KernelError.DELIVERY_REFUSED, detail, false, cause);
  }

  /**
   * This delivery can never succeed on this channel (no postbox, no address, too large, a type the
   * channel does not take): do not retry; another channel may take it.
   */
  public static DeliveryException rejected(String detail) {
    return new DeliveryException(KernelError.DELIVERY_REJECTED, detail, false, null);
  }

  /**
   * What a delivery peer's HTTP status usually means, for connectors' {@code
   * ResponseExceptionMapper}s: 408, 429 and 5xx are retryable; 400, 404, 413, 415 and 422 reject
   * this delivery (another channel may take it); every other status refuses (credentials,
   * registration).
   *
   * @param peer the peer as named in messages, e.g. "Das Zentrale Bürgerpostfach"
   * @param refusedHint what to check when refused, e.g. "Zugangsdaten prüfen"
   */
  public static DeliveryException forHttpStatus(int status, String peer, String refusedHint) {
    String what = peer + " antwortet HTTP " + status;
    if (status == 408 || status == 429 || status >= 500) {
      return unavailable(what, null);
    }
    if (status == 400 || status == 404 || status == 413 || status == 415 || status == 422) {
      return rejected(what + (status == 404 ? ": Empfänger unbekannt" : ": nicht angenommen"));
    }
    return refused(what + " — " + refusedHint, null);
  }
}
