package de.buergerbuero.kernel.error;

import java.util.Objects;

/**
 * One invalid field of a request.
 *
 * @param field a JSON pointer or form field name, e.g. {@code /formData/email}
 * @param message a German message a citizen can act on
 */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
