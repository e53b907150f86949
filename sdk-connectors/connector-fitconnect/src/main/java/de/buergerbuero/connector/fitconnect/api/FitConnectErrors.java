package de.buergerbuero.connector.fitconnect.api;

import de.buergerbuero.kernel.spi.forms.FormServerException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The one place where FIT-Connect's HTTP answers (token endpoint and Submission API) become the
 * connector's errors:
 *
 * <ul>
 *   <li>408, 429, 5xx: {@code FORM_SERVER_UNAVAILABLE}, retried later;
 *   <li>every other non-2xx answer (401, 403, 404, 422, a redirect that is not followed): {@link
 *       FitConnectRefusedException} ({@code FORM_SERVER_REFUSED}), not retried: client, destination
 *       or keys are wrong.
 * </ul>
 *
 * Timeouts, broken connections and bodies that are not the API's JSON are translated by {@link
 * FitConnectClient}, since no HTTP answer exists for them.
 */
public final class FitConnectErrors implements ResponseExceptionMapper<FormServerException> {
  static final String PEER = "FIT-Connect";

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status / 100 != 2;
  }

  @Override
  public FormServerException toThrowable(Response response) {
    int status = response.getStatus();
    response.close();
    return forStatus(status);
  }

  static FormServerException forStatus(int status) {
    String what = PEER + " antwortet HTTP " + status;
    if (status == 408 || status == 429 || status >= 500) {
      return FormServerException.unavailable(what, null);
    }
    return new FitConnectRefusedException(
        status, what + " — Client, Zustellpunkt, Schlüssel prüfen");
  }
}
