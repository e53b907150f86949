package de.buergerbuero.connector.fitconnect.api;

import de.buergerbuero.kernel.http.StatusErrors;
import de.buergerbuero.kernel.spi.forms.FormServerException;

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
public final class FitConnectErrors extends StatusErrors<FormServerException> {
  static final String PEER = "FIT-Connect";

  @Override
  protected FormServerException forStatus(int status) {
    String what = PEER + " antwortet HTTP " + status;
    if (status == 408 || status == 429 || status >= 500) {
      return FormServerException.unavailable(what, null);
    }
    return new FitConnectRefusedException(
        status, what + " — Client, Zustellpunkt, Schlüssel prüfen");
  }
}
