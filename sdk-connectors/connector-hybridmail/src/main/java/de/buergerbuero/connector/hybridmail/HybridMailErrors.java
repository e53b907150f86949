package de.buergerbuero.connector.hybridmail;

import de.buergerbuero.kernel.http.StatusErrors;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;

/**
 * The one place where the hybrid-mail service's HTTP answers become delivery errors, with the usual
 * meaning ({@link DeliveryException#forHttpStatus}): 408/429/5xx retryable, 400/404/413/415/422
 * rejected (e.g. an address the service cannot print), everything else refused.
 */
public final class HybridMailErrors extends StatusErrors<DeliveryException> {
  static final String PEER = "Der Hybridpost-Dienst";

  @Override
  protected DeliveryException forStatus(int status) {
    return DeliveryException.forHttpStatus(status, PEER, "Zugangsdaten und Organisation prüfen");
  }
}
