package de.buergerbuero.kernel.rest;

import de.buergerbuero.kernel.error.ErrorCode;
import de.buergerbuero.kernel.error.FieldError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;

/** Builds problem responses; shared by the exception mappers. */
final class Problems {
  private Problems() {}

  static Locale locale(HttpHeaders headers) {
    if (headers != null) {
      try {
        for (Locale l : headers.getAcceptableLanguages()) {
          if ("en".equals(l.getLanguage())) {
            return Locale.ENGLISH;
          }
          if ("de".equals(l.getLanguage())) {
            return Locale.GERMAN;
          }
        }
      } catch (RuntimeException ignored) {
        // a malformed Accept-Language header must not hide the real problem
      }
    }
    return Locale.GERMAN;
  }

  static String path(UriInfo uriInfo) {
    try {
      return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Response response(ProblemDetail problem) {
    return Response.status(problem.status())
        .type(ProblemDetail.MEDIA_TYPE)
        .header("Cache-Control", "no-store")
        .entity(problem)
        .build();
  }

  static Response response(
      ErrorCode code, String detail, List<FieldError> errors, HttpHeaders headers, UriInfo uri) {
    return response(ProblemDetail.of(code, detail, path(uri), errors, locale(headers)));
  }
}
