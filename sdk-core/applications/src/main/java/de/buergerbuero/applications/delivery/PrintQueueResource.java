package de.buergerbuero.applications.delivery;

import de.buergerbuero.kernel.security.CallerResolver;
import de.buergerbuero.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The print queue: Bescheide to print and post by hand. */
@Path("/v1/staff/print-queue")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Casework")
public class PrintQueueResource {
  @Inject PrintQueue queue;
  @Inject CallerResolver callers;

  @GET
  @Operation(
      operationId = "listPrintQueue",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Druckwarteschlange: Bescheide, die per Hand zu versenden sind / print queue")
  public List<PrintQueue.PrintJob> open() {
    return queue.open(Callers.requireStaff(callers.current()));
  }

  @POST
  @Path("/{id}/posted")
  @Operation(
      operationId = "markPrintJobPosted",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Als gedruckt und versandt markieren / mark as printed and posted")
  @APIResponse(responseCode = "200", description = "Marked; audited")
  @APIResponse(responseCode = "409", description = "Not in the print queue (BB-2019)")
  public PrintQueue.PrintJob posted(@PathParam("id") String id) {
    return queue.posted(Callers.requireStaff(callers.current()), id);
  }
}
