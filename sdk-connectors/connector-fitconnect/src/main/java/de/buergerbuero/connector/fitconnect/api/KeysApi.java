package de.buergerbuero.connector.fitconnect.api;

import de.buergerbuero.kernel.http.BoundedAnswers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Zustelldienst's public signature keys (JWK Set) at {@code /.well-known/jwks.json} of the
 * Submission API: they check the Security Event Tokens it signs ({@code submit-submission}).
 */
@RegisterRestClient(configKey = "buergerbuero-fitconnect-keys")
@RegisterProvider(FitConnectErrors.class)
@RegisterProvider(BoundedAnswers.class)
@Path("/.well-known")
public interface KeysApi {
  @GET
  @Path("/jwks.json")
  @Produces({MediaType.APPLICATION_JSON, "application/jwk-set+json"})
  String jwks();
}
