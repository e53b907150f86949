package de.buergerbuero.kernel.error;

/**
 * The object does not exist <em>for this caller</em>. Someone else's object is reported the same
 * way, so that its existence is not disclosed.
 */
public class NoSuchResourceException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  public NoSuchResourceException(ErrorCode code, String detail) {
    super(code, detail);
  }

  public NoSuchResourceException(String detail) {
    super(KernelError.NOT_FOUND, detail);
  }
}
