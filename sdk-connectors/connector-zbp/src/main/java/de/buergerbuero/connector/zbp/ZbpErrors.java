package de.buergerbuero.connector.zbp;

import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The one place where the ZBP's HTTP answers become delivery errors, with the usual meaning ({@link
 * DeliveryException#forHttpStatus}): 408/429/5xx retryable, 400/404/413/415/422 rejected (404: the
 * postbox is unknown, so another channel may take the delivery), everything else refused.
 */
public final class ZbpErrors implements ResponseExceptionMapper<DeliveryException> {
  static final String PEER = "Das Zentrale Bürgerpostfach";

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status / 100 != 2;
  }

  @Override
  public DeliveryException toThrowable(Response response) {
    int status = response.getStatus();
    response.close();
    return forStatus(status);
  }

  static DeliveryException forStatus(int status) {
    return DeliveryException.forHttpStatus(
        status, PEER, "BPKI-Zertifikat, Token oder Registrierung prüfen");
  }
}
