package de.buergerbuero.kernel.rest;

import de.buergerbuero.kernel.error.ErrorCode;
import de.buergerbuero.kernel.error.KernelError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Maps the JAX-RS runtime's own errors (unknown path, wrong method, wrong content type, unreadable
 * body) to problem+json, so that clients see one error format everywhere.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Context HttpHeaders headers;
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    ErrorCode code =
        switch (status) {
          case 400 -> KernelError.MALFORMED_REQUEST;
          case 401 -> KernelError.NOT_AUTHENTICATED;
          case 403 -> KernelError.FORBIDDEN;
          case 404 -> KernelError.NOT_FOUND;
          case 405 -> KernelError.METHOD_NOT_ALLOWED;
          case 406 -> KernelError.NOT_ACCEPTABLE;
          case 409 -> KernelError.CONFLICT;
          case 413 -> KernelError.PAYLOAD_TOO_LARGE;
          case 415 -> KernelError.UNSUPPORTED_MEDIA_TYPE;
          default -> status >= 500 ? KernelError.INTERNAL : KernelError.MALFORMED_REQUEST;
        };
    String detail =
        switch (status) {
          case 404 -> "Die angefragte Ressource gibt es nicht.";
          case 405 -> "Diese Methode ist hier nicht erlaubt.";
          case 415 -> "Dieses Format wird hier nicht angenommen.";
          case 406 -> "Das gewünschte Antwortformat ist nicht verfügbar.";
          default ->
              status >= 500 ? "Ein interner Fehler ist aufgetreten." : "Die Anfrage ist ungültig.";
        };
    Response problem = Problems.response(code, detail, List.of(), headers, uriInfo);
    Response.ResponseBuilder builder = Response.fromResponse(problem).status(status);
    if (e.getResponse() != null) {
      String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
      if (allow != null) {
        builder.header(HttpHeaders.ALLOW, allow);
      }
    }
    return builder.build();
  }
}
