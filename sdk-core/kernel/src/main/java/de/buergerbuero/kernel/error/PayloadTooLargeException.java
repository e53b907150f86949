package de.buergerbuero.kernel.error;

/** A request body or an attachment exceeds its configured limit. */
public class PayloadTooLargeException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(ErrorCode code, String detail) {
    super(code, detail);
  }
}
