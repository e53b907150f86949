package de.buergerbuero.connector.hybridmail;

import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The one place where the hybrid-mail service's HTTP answers become delivery errors, with the usual
 * meaning ({@link DeliveryException#forHttpStatus}): 408/429/5xx retryable, 400/404/413/415/422
 * rejected (e.g. an address the service cannot print), everything else refused.
 */
public final class HybridMailErrors implements ResponseExceptionMapper<DeliveryException> {
  static final String PEER = "Der Hybridpost-Dienst";

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
    return DeliveryException.forHttpStatus(status, PEER, "Zugangsdaten und Organisation prüfen");
  }
}
