package de.buergerbuero.connector.zbp;

import de.buergerbuero.kernel.http.BoundedAnswers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The ZBP's REST interface (version 6) as a MicroProfile Rest Client. Answers other than 2xx become
 * {@link de.buergerbuero.kernel.spi.delivery.DeliveryException}s through {@link ZbpErrors}; answers
 * are read as text and parsed by {@link ZbpDelivery}, so that a body that is not the ZBP's JSON is
 * an error and never a success.
 */
@RegisterProvider(ZbpErrors.class)
@RegisterProvider(BoundedAnswers.class)
@RegisterProvider(Multipart.Writer.class)
@Path("/v6/mailbox")
public interface ZbpApi {

  /**
   * A message to a postbox: part {@code json} with the signed envelope, one part {@code files} per
   * attachment. Answers {@code {"mailboxHandle", "messageId", "messageUuid"}}.
   */
  @PUT
  @Path("/messages")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  String message(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, Multipart body);

  /** An application status message for the status monitor: the signed envelope as JSON. */
  @POST
  @Path("/applications/states")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  String state(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, String envelope);
}
