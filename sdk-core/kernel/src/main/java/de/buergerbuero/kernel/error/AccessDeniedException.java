package de.buergerbuero.kernel.error;

/** The caller is known but may not perform this operation. */
public class AccessDeniedException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(ErrorCode code, String detail) {
    super(code, detail);
  }

  public AccessDeniedException(String detail) {
    super(KernelError.FORBIDDEN, detail);
  }
}
