package de.buergerbuero.appointments;

import de.buergerbuero.appointments.AppointmentResource.AppointmentView;
import de.buergerbuero.appointments.AppointmentResource.StaffAppointmentView;
import de.buergerbuero.kernel.security.CallerResolver;
import de.buergerbuero.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The staff side of appointments: the day view of a location and no-shows. Clerks of the location's
 * department only.
 */
@Path("/v1/staff/appointments")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Appointments",
    description = "Termine buchen, bestätigen, verschieben, absagen / appointments",
    extensions = @Extension(name = "x-displayName", value = "Terminvereinbarung"))
public class StaffAppointmentResource {
  @Inject AppointmentService appointments;
  @Inject StaffAppointments staffAppointments;
  @Inject CallerResolver callers;

  @GET
  @Operation(
      operationId = "listStaffAppointments",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Staff: the day's appointments of a location (its department's clerks; audited)")
  public List<StaffAppointmentView> staffDay(
      @QueryParam("location") String location, @QueryParam("date") String date) {
    var staff = Callers.requireStaff(callers.current());
    int minutes = appointments.locations().slotMinutes();
    return staffAppointments.day(staff, location, AppointmentResource.date(date, "date")).stream()
        .map(
            a ->
                new StaffAppointmentView(
                    a.id(),
                    a.serviceId(),
                    a.start(),
                    a.slotCount() * minutes,
                    a.status(),
                    a.contactName()))
        .toList();
  }

  @POST
  @Path("/{id}/no-show")
  @Operation(
      operationId = "markNoShow",
      extensions = @Extension(name = "x-access", value = "staff"),
      summary = "Staff: the person did not come",
      description = "Only after the start (409 BB-5014 before); only the location's department.")
  public AppointmentView noShow(@PathParam("id") String id) {
    var staff = Callers.requireStaff(callers.current());
    return AppointmentView.of(
        staffAppointments.markNoShow(staff, id), appointments.locations().slotMinutes());
  }
}
