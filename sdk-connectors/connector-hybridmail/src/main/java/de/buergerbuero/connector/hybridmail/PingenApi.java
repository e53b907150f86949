package de.buergerbuero.connector.hybridmail;

import de.buergerbuero.kernel.http.BoundedAnswers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The hybrid-mail service's REST interface (Pingen API v2, JSON:API) as MicroProfile Rest Clients.
 * Answers are read as text and parsed by {@link HybridMailDelivery}; non-2xx answers become
 * delivery errors through {@link HybridMailErrors}.
 */
public final class PingenApi {
  private PingenApi() {}

  /** JSON:API's media type. */
  public static final String JSON_API = "application/vnd.api+json";

  /** The identity service: OAuth2 client credentials. */
  @RegisterProvider(HybridMailErrors.class)
  @RegisterProvider(BoundedAnswers.class)
  public interface Identity {
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    String token(
        @FormParam("grant_type") String grantType,
        @FormParam("client_id") String clientId,
        @FormParam("client_secret") String clientSecret);
  }

  /** Uploads and letters. */
  @RegisterProvider(HybridMailErrors.class)
  @RegisterProvider(BoundedAnswers.class)
  public interface Letters {
    /** Where to upload one file: {@code data.attributes.url} and {@code url_signature}. */
    @GET
    @Path("/file-upload")
    @Produces(JSON_API)
    String fileUpload(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** Creates (and with {@code auto_send} sends) a letter from an uploaded file. */
    @POST
    @Path("/organisations/{organisation}/deliveries/letters")
    @Consumes(JSON_API)
    @Produces(JSON_API)
    String create(
        @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
        @HeaderParam("Idempotency-Key") String idempotencyKey,
        @PathParam("organisation") String organisation,
        String letter);

    /** One letter with its {@code status}. */
    @GET
    @Path("/organisations/{organisation}/deliveries/letters/{id}")
    @Produces(JSON_API)
    String letter(
        @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
        @PathParam("organisation") String organisation,
        @PathParam("id") String id);
  }
}
