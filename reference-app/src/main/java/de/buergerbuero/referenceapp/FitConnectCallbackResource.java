package de.buergerbuero.referenceapp;

import de.buergerbuero.applications.forms.FormIntake;
import de.buergerbuero.connector.fitconnect.CallbackVerifier;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.error.NotAuthenticatedException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * FIT-Connect callbacks ({@code POST /api/v1/fitconnect/callbacks}): the Zustelldienst announces
 * new submissions; an authentic callback (HMAC-SHA512 with the callback secret, at most 5 minutes
 * old, not seen before) makes the form intake fetch at once instead of at its next poll. Anything
 * else is refused with 401 and changes nothing; the body is never logged.
 */
@Path("/v1/fitconnect/callbacks")
@ApplicationScoped
public class FitConnectCallbackResource {
  private static final Logger LOG = Logger.getLogger(FitConnectCallbackResource.class.getName());

  @Inject jakarta.enterprise.inject.Instance<CallbackVerifier> verifier;
  @Inject FormIntake intake;
  @Resource ManagedExecutorService executor;

  private CallbackVerifier callbacks;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "FIT-Connect callback: new submissions (HMAC-checked)")
  public Response callback(
      @HeaderParam("callback-timestamp") String timestamp,
      @HeaderParam("callback-authentication") String authentication,
      byte[] body) {
    CallbackVerifier v = verifier();
    if (v == null) {
      throw new NoSuchResourceException("FIT-Connect ist nicht eingerichtet.");
    }
    CallbackVerifier.Outcome outcome = v.verify(timestamp, authentication, body);
    if (outcome != CallbackVerifier.Outcome.ACCEPTED) {
      LOG.warning(() -> "FIT-Connect callback refused: " + outcome);
      throw new NotAuthenticatedException("Callback nicht authentisch: " + outcome);
    }
    executor.submit(intake::pollAll);
    return Response.ok().build();
  }

  private synchronized CallbackVerifier verifier() {
    if (callbacks == null) {
      callbacks = verifier.get();
    }
    return callbacks;
  }
}
