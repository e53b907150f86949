package de.buergerbuero.kernel.error;

/** The request conflicts with the current state of the object. */
public class ConflictException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  public ConflictException(ErrorCode code, String detail) {
    super(code, detail);
  }
}
