package de.buergerbuero.kernel.error;

import java.util.List;
import java.util.Objects;

/**
 * The one unchecked root of every error the SDK raises on purpose. It carries a stable {@link
 * ErrorCode}; the REST layer turns it into an RFC 9457 problem document. Subclasses are named after
 * the failure and carry its context.
 */
public class BuergerbueroException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorCode errorCode;
  private final List<FieldError> fieldErrors;
  private final boolean retryable;

  protected BuergerbueroException(ErrorCode errorCode, String detail) {
    this(errorCode, detail, List.of(), false, null);
  }

  protected BuergerbueroException(ErrorCode errorCode, String detail, Throwable cause) {
    this(errorCode, detail, List.of(), false, cause);
  }

  protected BuergerbueroException(
      ErrorCode errorCode,
      String detail,
      List<FieldError> fieldErrors,
      boolean retryable,
      Throwable cause) {
    super(detail, cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.fieldErrors = List.copyOf(fieldErrors);
    this.retryable = retryable;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  /** Human-readable detail; never contains personal data. */
  public String detail() {
    return getMessage();
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** Whether the same operation may succeed later (e.g. a peer system was unreachable). */
  public boolean isRetryable() {
    return retryable;
  }
}
