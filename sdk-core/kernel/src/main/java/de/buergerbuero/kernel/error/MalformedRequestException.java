package de.buergerbuero.kernel.error;

/** A request body that cannot be read at all: broken JSON, invalid UTF-8, absurd nesting. */
public class MalformedRequestException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  public MalformedRequestException(String detail) {
    super(KernelError.MALFORMED_REQUEST, detail);
  }

  public MalformedRequestException(String detail, Throwable cause) {
    super(KernelError.MALFORMED_REQUEST, detail, cause);
  }
}
