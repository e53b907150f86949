package de.buergerbuero.connector.zbp;

import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The one place where the ZBP's HTTP answers become delivery errors:
 *
 * <ul>
 *   <li>408, 429, 5xx: unavailable, retried later;
 *   <li>404: the postbox does not exist (rejected: another channel may take the delivery);
 *   <li>400, 413, 415, 422: the message is not acceptable (rejected, never retried);
 *   <li>401, 403 and everything else: refused — certificate, token or registration are wrong.
 * </ul>
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
    String what = PEER + " antwortet HTTP " + status;
    if (status == 408 || status == 429 || status >= 500) {
      return DeliveryException.unavailable(what, null);
    }
    if (status == 404) {
      return DeliveryException.rejected(what + ": Postfach unbekannt");
    }
    if (status == 400 || status == 413 || status == 415 || status == 422) {
      return DeliveryException.rejected(what + ": Nachricht nicht angenommen");
    }
    return DeliveryException.refused(
        what + " — BPKI-Zertifikat, Token oder Registrierung prüfen", null);
  }
}
