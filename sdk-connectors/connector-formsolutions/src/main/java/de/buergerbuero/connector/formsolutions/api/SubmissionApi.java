package de.buergerbuero.connector.formsolutions.api;

import de.buergerbuero.kernel.http.BoundedAnswers;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * MACH formsolutions Submission-API v2 as a MicroProfile Rest Client. Every answer other than 2xx
 * becomes a {@link de.buergerbuero.kernel.spi.forms.FormServerException} through {@link
 * FormsolutionsErrors}; {@link FormsolutionsClient} builds the client and adds Basic
 * authentication.
 */
@RegisterRestClient(configKey = "buergerbuero-formsolutions")
@RegisterProvider(FormsolutionsErrors.class)
@RegisterProvider(BoundedAnswers.class)
@Path("/submission/api/v2/submission/{mandant}/{formId}")
@Produces(MediaType.APPLICATION_JSON)
public interface SubmissionApi {

  /**
   * All submissions of a form, in every status; the server marks NEW ones READ. The list is read as
   * JSON-P and each entry mapped to {@link SubmissionJson} on its own ({@link
   * FormsolutionsClient#submissions}), so one entry of the wrong shape is rejected alone instead of
   * making the whole answer unreadable.
   */
  @GET
  List<JsonValue> submissions(
      @PathParam("mandant") String mandant, @PathParam("formId") String formId);

  /** Sets the status of one submission, e.g. {@code CLOSED}; 404: closed or gone already. */
  @PUT
  @Path("/{transId}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  void status(
      @PathParam("mandant") String mandant,
      @PathParam("formId") String formId,
      @PathParam("transId") String transId,
      SubmissionJson.StatusChange change);
}
