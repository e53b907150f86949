package de.buergerbuero.connector.fitconnect.api;

import de.buergerbuero.kernel.http.BoundedAnswers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of the FIT-Connect Submission API a subscriber uses. {@code authorization} is {@code
 * Bearer <token>} from {@link TokenApi}. Every answer other than 2xx becomes a {@link
 * de.buergerbuero.kernel.spi.forms.FormServerException} through {@link FitConnectErrors}.
 */
@RegisterRestClient(configKey = "buergerbuero-fitconnect")
@RegisterProvider(FitConnectErrors.class)
@RegisterProvider(BoundedAnswers.class)
@Path("/v1")
public interface SubmissionApi {
  /** The media type of JWE (attachments) and JWS (events) in compact serialisation. */
  String JOSE = "application/jose";

  @GET
  @Path("/submissions")
  @Produces(MediaType.APPLICATION_JSON)
  FitConnectJson.SubmissionList submissions(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("destinationId") String destinationId,
      @QueryParam("offset") int offset,
      @QueryParam("limit") int limit);

  @GET
  @Path("/submissions/{submissionId}")
  @Produces(MediaType.APPLICATION_JSON)
  FitConnectJson.Submission submission(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("submissionId") String submissionId);

  /** An encrypted attachment: a JWE in compact serialisation. */
  @GET
  @Path("/submissions/{submissionId}/attachments/{attachmentId}")
  @Produces(JOSE)
  java.io.InputStream attachment(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("submissionId") String submissionId,
      @PathParam("attachmentId") String attachmentId);

  /** The case's event log: Security Event Tokens (submit, accept, reject, …). */
  @GET
  @Path("/cases/{caseId}/events")
  @Produces(MediaType.APPLICATION_JSON)
  FitConnectJson.EventLog eventLog(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("caseId") String caseId);

  /** Adds a signed Security Event Token (accept or reject) to the case's event log. */
  @POST
  @Path("/cases/{caseId}/events")
  @Consumes(JOSE)
  void event(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("caseId") String caseId,
      String securityEventToken);
}
