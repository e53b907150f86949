package de.buergerbuero.connector.formsolutions.api;

import de.buergerbuero.kernel.http.StatusErrors;
import de.buergerbuero.kernel.spi.forms.FormServerException;

/**
 * The one place where the form server's HTTP answers become the connector's errors:
 *
 * <ul>
 *   <li>408, 429, 5xx: {@code FORM_SERVER_UNAVAILABLE}, retried later;
 *   <li>404: {@link FormsolutionsNotFoundException} (a refusal, except for an acknowledgement);
 *   <li>every other non-2xx answer (401, 403, other 4xx, a redirect that is not followed): {@code
 *       FORM_SERVER_REFUSED}, not retried: credentials, Mandant or form number are wrong.
 * </ul>
 *
 * Timeouts, broken connections and bodies that are not the API's JSON are translated by {@link
 * FormsolutionsClient}, since no HTTP answer exists for them.
 */
public final class FormsolutionsErrors extends StatusErrors<FormServerException> {
  static final String PEER = "Formularserver";

  @Override
  protected FormServerException forStatus(int status) {
    String what = PEER + " antwortet HTTP " + status;
    if (status == 408 || status == 429 || status >= 500) {
      return FormServerException.unavailable(what, null);
    }
    String hint = what + " — Zugangsdaten, Mandant, Formularnummer prüfen";
    if (status == 404) {
      return new FormsolutionsNotFoundException(hint);
    }
    return FormServerException.refused(hint, null);
  }
}
