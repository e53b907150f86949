package de.buergerbuero.kernel.rest;

import de.buergerbuero.kernel.error.ErrorCode;
import de.buergerbuero.kernel.error.FieldError;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem document with the SDK's stable {@code code}. Null members are omitted.
 *
 * @param type URI naming the problem type
 * @param title short title in the caller's language (German by default)
 * @param status HTTP status
 * @param detail what went wrong in this case, no personal data
 * @param code stable error code, e.g. {@code BB-2002}
 * @param instance the request path
 * @param errors the invalid fields, for validation problems
 * @param requiredTrustLevel for {@code BB-1010}: the eIDAS level to log in with (step-up)
 */
public record ProblemDetail(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String instance,
    List<FieldError> errors,
    String requiredTrustLevel) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://buergerbuero.de/problems/";

  public static ProblemDetail of(
      ErrorCode code, String detail, String instance, List<FieldError> errors, Locale locale) {
    String title =
        locale != null && "en".equals(locale.getLanguage()) ? code.titleEn() : code.titleDe();
    return new ProblemDetail(
        TYPE_BASE + code.slug(),
        title,
        code.httpStatus(),
        detail,
        code.code(),
        instance,
        errors == null || errors.isEmpty() ? null : List.copyOf(errors),
        null);
  }

  public ProblemDetail withRequiredTrustLevel(String level) {
    return new ProblemDetail(type, title, status, detail, code, instance, errors, level);
  }
}
