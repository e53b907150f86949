package de.buergerbuero.connector.zbp;

import de.buergerbuero.kernel.http.StatusErrors;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;

/**
 * The one place where the ZBP's HTTP answers become delivery errors, with the usual meaning ({@link
 * DeliveryException#forHttpStatus}): 408/429/5xx retryable, 400/404/413/415/422 rejected (404: the
 * postbox is unknown, so another channel may take the delivery), everything else refused.
 */
public final class ZbpErrors extends StatusErrors<DeliveryException> {
  static final String PEER = "Das Zentrale Bürgerpostfach";

  @Override
  protected DeliveryException forStatus(int status) {
    return DeliveryException.forHttpStatus(
        status, PEER, "BPKI-Zertifikat, Token oder Registrierung prüfen");
  }
}
