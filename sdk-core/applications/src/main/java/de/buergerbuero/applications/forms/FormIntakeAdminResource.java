package de.buergerbuero.applications.forms;

import de.buergerbuero.kernel.security.CallerResolver;
import de.buergerbuero.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins see form submissions that could not become applications, and can poll at once. */
@Path("/v1/admin/forms")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Administration",
    description = "Betrieb: Zustellungen, Formulareingang, Prüfprotokoll / operations",
    extensions = @Extension(name = "x-displayName", value = "Administration"))
public class FormIntakeAdminResource {
  @Inject FormIntake intake;
  @Inject CallerResolver callers;

  @GET
  @Path("/problems")
  @Operation(
      operationId = "listFormIntakeProblems",
      extensions = @Extension(name = "x-access", value = "admin"),
      summary = "Submissions not taken (unreadable, not matching the service's form)")
  public List<FormIntake.Problem> problems() {
    Callers.requireAdmin(callers.current());
    return intake.problems();
  }

  @POST
  @Path("/poll")
  @Operation(
      operationId = "pollFormServers",
      extensions = @Extension(name = "x-access", value = "admin"),
      summary = "Fetch from every form server now")
  public Map<String, Integer> poll() {
    Callers.requireAdmin(callers.current());
    return Map.of("taken", intake.pollAll());
  }
}
