package de.buergerbuero.referenceapp;

import de.buergerbuero.applications.forms.FormIntake;
import de.buergerbuero.connector.formsolutions.FormsolutionsConnector;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.error.NotAuthenticatedException;
import de.buergerbuero.kernel.spi.forms.FormServers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * MACH formsolutions pushes a completed form ({@code POST
 * /api/v1/forms/formsolutions/{formId}/submissions}, the same JSON as one entry of the
 * Submission-API answer, Basic authentication with the configured client number and API key). The
 * answer comes after the application is stored, so a 200 is the acknowledgement; a repeated push of
 * the same {@code transID} returns the same application.
 */
@Path("/v1/forms/formsolutions/{formId}/submissions")
@RequestScoped
public class FormsolutionsPushResource {
  @Inject FormServers servers;
  @Inject FormIntake intake;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "formsolutions push: one completed form, stored before the answer")
  public Map<String, String> push(
      @PathParam("formId") String formId,
      @HeaderParam("Authorization") String authorization,
      byte[] body) {
    if (!(servers.bySource().get("formsolutions") instanceof FormsolutionsConnector connector)) {
      throw new NoSuchResourceException("formsolutions ist nicht eingerichtet.");
    }
    if (!connector.authorises(authorization)) {
      throw new NotAuthenticatedException(
          "Zugangsdaten des Formularservers fehlen oder sind falsch.");
    }
    var submission = FormsolutionsConnector.pushed(formId, body);
    String applicationId = intake.take("formsolutions", submission);
    return Map.of("transID", submission.submissionId(), "applicationId", applicationId);
  }
}
