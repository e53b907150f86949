package de.buergerbuero.connector.fitconnect.api;

import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.forms.FormServerException;

/** A 4xx answer (other than 408 and 429) of FIT-Connect: not retried; carries the status. */
public final class FitConnectRefusedException extends FormServerException {
  private static final long serialVersionUID = 1L;
  private final int status;

  FitConnectRefusedException(int status, String detail) {
    super(KernelError.FORM_SERVER_REFUSED, detail, false, null);
    this.status = status;
  }

  /** The HTTP status; 401 and 403 make the client fetch a new token next time. */
  public int status() {
    return status;
  }
}
