package de.buergerbuero.kernel.error;

/** No authenticated caller, where one is required. */
public class NotAuthenticatedException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  public NotAuthenticatedException(String detail) {
    super(KernelError.NOT_AUTHENTICATED, detail);
  }
}
