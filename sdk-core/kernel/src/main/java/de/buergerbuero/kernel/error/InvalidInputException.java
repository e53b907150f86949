package de.buergerbuero.kernel.error;

import java.util.List;

/** Input that is well-formed but breaks a rule; names the offending fields. */
public class InvalidInputException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String detail) {
    this(KernelError.INVALID_INPUT, detail, List.of());
  }

  public InvalidInputException(ErrorCode code, String detail, List<FieldError> fieldErrors) {
    super(code, detail, fieldErrors, false, null);
  }

  public static InvalidInputException field(String field, String message) {
    return new InvalidInputException(
        KernelError.INVALID_INPUT, message, List.of(new FieldError(field, message)));
  }
}
