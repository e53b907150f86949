package de.buergerbuero.kernel.rest;

import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.NotAuthenticatedException;
import de.buergerbuero.kernel.error.TrustLevelTooLowException;
import de.buergerbuero.kernel.security.CallerResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Maps the SDK's own exceptions to problem+json with their stable code. */
@Provider
public class BuergerbueroExceptionMapper implements ExceptionMapper<BuergerbueroException> {
  private static final Logger LOG = Logger.getLogger(BuergerbueroExceptionMapper.class.getName());

  @Context HttpHeaders headers;
  @Context UriInfo uriInfo;
  @Inject CallerResolver callers;

  @Override
  public Response toResponse(BuergerbueroException e) {
    ProblemDetail problem =
        ProblemDetail.of(
            e.errorCode(),
            e.detail(),
            Problems.path(uriInfo),
            e.fieldErrors(),
            Problems.locale(headers));
    if (e instanceof TrustLevelTooLowException t) {
      problem = problem.withRequiredTrustLevel(t.required().eidasLevel());
    }
    if (problem.status() >= 500) {
      LOG.log(Level.WARNING, "Request failed with " + problem.code(), e);
    }
    Response response = Problems.response(problem);
    if (e instanceof NotAuthenticatedException) {
      var challenge = callers.authenticationChallenge();
      if (challenge.isPresent()) {
        return Response.fromResponse(response)
            .header(HttpHeaders.WWW_AUTHENTICATE, challenge.get())
            .build();
      }
    }
    return response;
  }
}
