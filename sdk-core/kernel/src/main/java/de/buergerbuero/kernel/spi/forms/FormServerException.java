package de.buergerbuero.kernel.spi.forms;

import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.KernelError;
import java.util.List;

/** The one error type of form-server connectors; {@link #isRetryable()} tells the poller. */
public class FormServerException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  protected FormServerException(
      KernelError code, String detail, boolean retryable, Throwable cause) {
    super(code, detail, List.of(), retryable, cause);
  }

  public static FormServerException unavailable(String detail, Throwable cause) {
    return new FormServerException(KernelError.FORM_SERVER_UNAVAILABLE, detail, true, cause);
  }

  public static FormServerException refused(String detail, Throwable cause) {
    return new FormServerException(KernelError.FORM_SERVER_REFUSED, detail, false, cause);
  }

  public static FormServerException malformed(String detail, Throwable cause) {
    return new FormServerException(KernelError.FORM_SUBMISSION_MALFORMED, detail, false, cause);
  }
}
