package de.buergerbuero.connector.fitconnect.api;

import de.buergerbuero.kernel.http.BoundedAnswers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The OAuth2 token endpoint of the FIT-Connect environment; its base URI is the endpoint. */
@RegisterRestClient(configKey = "buergerbuero-fitconnect-token")
@RegisterProvider(FitConnectErrors.class)
@RegisterProvider(BoundedAnswers.class)
public interface TokenApi {

  /** Client-credentials grant (RFC 6749 section 4.4). */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  FitConnectJson.Token token(
      @FormParam("grant_type") String grantType,
      @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret);
}
