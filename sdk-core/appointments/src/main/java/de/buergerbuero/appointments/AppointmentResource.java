package de.buergerbuero.appointments;

import de.buergerbuero.kernel.error.MalformedRequestException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Appointment booking for citizens and companies (no login needed). */
@Path("/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Appointments",
    description = "Termine buchen, bestätigen, verschieben, absagen / appointments",
    extensions = @Extension(name = "x-displayName", value = "Terminvereinbarung"))
public class AppointmentResource {
  @Inject AppointmentService appointments;
  @Inject Holds holds;
  @Inject Confirmations confirmations;
  @Inject Changes changes;
  @Inject BookingLimits limits;
  @Inject ClientAddresses clients;
  @Context HttpServletRequest http;

  @Schema(description = "A place where appointments can be booked, with its room and services.")
  public record LocationView(String id, String name, String room, List<ServiceView> services) {}

  @Schema(description = "A matter (Anliegen) that can be booked at a location, with its length.")
  public record ServiceView(String id, String name, int minutes) {}

  @Schema(description = "A day with free start times for a service.")
  public record FreeDay(LocalDate date, int freeStarts) {}

  @Schema(
      description =
          "Reserve a start time for a few minutes; the same requestKey returns the same hold.",
      example =
          "{\"location\": \"rathaus-buergerbuero\", \"service\": \"meldebescheinigung\", \"start\": \"2026-12-01T08:00:00Z\", \"requestKey\": \"3f2c7e0a-1b9d-4c55-9a77-5f0d2b1c8e41\"}")
  public record HoldRequest(String location, String service, Instant start, String requestKey) {}

  @Schema(
      description =
          "Contact data that confirms a hold, with the hold's token; erased after the retention"
              + " period. Name and address must not contain line breaks or control characters.",
      example =
          "{\"name\": \"Anna Muster\", \"email\": \"anna@example.org\", \"holdToken\": \"from the hold\"}")
  public record ContactRequest(String name, String email, String holdToken) {}

  @Schema(
      description =
          "A reserved time (status HELD) and the token that authorises confirming it; keep the"
              + " token in the client, it is shown only to whoever made the hold.")
  public record HoldView(
      String id,
      String location,
      String service,
      Instant start,
      int minutes,
      String status,
      Instant holdUntil,
      String holdToken) {
    static HoldView of(Holds.Hold hold, int slotMinutes) {
      Appointment a = hold.appointment();
      return new HoldView(
          a.id(),
          a.locationId(),
          a.serviceId(),
          a.start(),
          a.slotCount() * slotMinutes,
          a.status(),
          a.holdUntil(),
          hold.holdToken());
    }
  }

  @Schema(
      description =
          "An appointment (Termin): location, service, start, length, status (HELD, PENDING ="
              + " waiting for the e-mail opt-in, CONFIRMED, CANCELLED, EXPIRED, NO_SHOW).")
  public record AppointmentView(
      String id,
      String location,
      String service,
      Instant start,
      int minutes,
      String status,
      Instant holdUntil) {
    static AppointmentView of(Appointment a, int slotMinutes) {
      return new AppointmentView(
          a.id(),
          a.locationId(),
          a.serviceId(),
          a.start(),
          a.slotCount() * slotMinutes,
          a.status(),
          a.holdUntil());
    }
  }

  /** What the citizen keeps: the appointment, the room and its way, the cancel link. */
  @Schema(
      description =
          "A confirmed appointment with its room, the room page link, the cancel page link and"
              + " the cancel token (for DELETE and reschedule). While the appointment waits for the"
              + " e-mail opt-in (status PENDING) the cancel link and token are absent: they come"
              + " with the confirmation e-mail.")
  public record ConfirmationView(
      AppointmentView appointment,
      String room,
      String roomLink,
      String cancelLink,
      String cancelToken) {
    static ConfirmationView of(Confirmations.Confirmation c, int slotMinutes) {
      String id = c.appointment().id();
      return new ConfirmationView(
          AppointmentView.of(c.appointment(), slotMinutes),
          c.room(),
          c.room() == null ? null : "/r/" + c.room(),
          c.cancelToken() == null ? null : "/termin/absagen?id=" + id + "&token=" + c.cancelToken(),
          c.cancelToken());
    }
  }

  @Schema(description = "An appointment in the staff day view.")
  public record StaffAppointmentView(
      String id, String service, Instant start, int minutes, String status, String contactName) {}

  @GET
  @Path("/locations")
  @Operation(
      operationId = "listAppointmentLocations",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Where appointments can be booked, and for which services")
  public List<LocationView> locations() {
    var config = appointments.locations();
    return config.byId().values().stream()
        .map(
            l ->
                new LocationView(
                    l.id(),
                    l.name(),
                    l.room(),
                    l.services().values().stream()
                        .map(
                            s ->
                                new ServiceView(s.id(), s.name(), s.slots() * config.slotMinutes()))
                        .toList()))
        .toList();
  }

  @GET
  @Path("/locations/{location}/days")
  @Operation(
      operationId = "listFreeDays",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Calendar: days with free times for a service (at most 63 days)")
  public List<FreeDay> days(
      @PathParam("location") String location,
      @QueryParam("service") String service,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    limits.search(clients.of(http));
    LocalDate first = from == null ? LocalDate.now() : date(from, "from");
    LocalDate last =
        to == null ? first.plusDays(appointments.locations().maxDaysAhead()) : date(to, "to");
    return appointments.freeDays(location, service, first, last).entrySet().stream()
        .map(e -> new FreeDay(e.getKey(), e.getValue()))
        .toList();
  }

  @GET
  @Path("/locations/{location}/times")
  @Operation(
      operationId = "listFreeTimes",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Free start times of one day for a service")
  public List<Instant> times(
      @PathParam("location") String location,
      @QueryParam("service") String service,
      @QueryParam("date") String date) {
    limits.search(clients.of(http));
    return appointments.freeTimes(location, service, date(date, "date"));
  }

  @POST
  @Path("/holds")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "holdAppointment",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Reserve a time for a few minutes",
      description =
          "409 BB-5005 when it was taken meanwhile; the same requestKey returns the same hold;"
              + " 429 BB-5013 when this client has made too many holds")
  @APIResponse(
      responseCode = "201",
      description = "Reserved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HoldView.class)))
  @APIResponse(responseCode = "409", description = "Taken meanwhile (BB-5005)")
  @APIResponse(responseCode = "429", description = "Too many holds from this client (BB-5013)")
  public Response hold(HoldRequest request) {
    return Response.status(201).entity(reserve(request)).build();
  }

  /** The hold within this client's budget. */
  HoldView reserve(HoldRequest request) {
    if (request == null || request.start() == null) {
      throw new MalformedRequestException("location, service, start und requestKey angeben.");
    }
    limits.hold(clients.of(http));
    Holds.Hold held =
        holds.hold(request.location(), request.service(), request.start(), request.requestKey());
    return HoldView.of(held, appointments.locations().slotMinutes());
  }

  @POST
  @Path("/holds/{id}/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "confirmAppointment",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Confirm a reserved time with name, e-mail address and the hold's token",
      description =
          "200 and the cancel link when confirmed; 202 with status PENDING when e-mail is"
              + " configured: the appointment is confirmed by the link sent to the address (double"
              + " opt-in). 409 BB-5015 when already confirmed; 429 BB-5013 when this client has"
              + " confirmed too often.")
  @APIResponse(
      responseCode = "200",
      description = "Confirmed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConfirmationView.class)))
  @APIResponse(
      responseCode = "202",
      description = "Pending: confirmed by the link sent to the e-mail address",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConfirmationView.class)))
  @APIResponse(responseCode = "409", description = "Already confirmed (BB-5015)")
  @APIResponse(responseCode = "429", description = "Confirmed too often (BB-5013)")
  public Response confirm(@PathParam("id") String id, ContactRequest contact) {
    if (contact == null) {
      throw new MalformedRequestException("name, email und holdToken angeben.");
    }
    limits.confirm(clients.of(http));
    var c = confirmations.confirm(id, contact.holdToken(), contact.name(), contact.email());
    return Response.status(c.pending() ? 202 : 200)
        .entity(ConfirmationView.of(c, appointments.locations().slotMinutes()))
        .build();
  }

  @POST
  @Path("/{id}/verify")
  @Operation(
      operationId = "verifyAppointment",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Confirm a PENDING appointment with the token of the opt-in e-mail",
      description = "The e-mail's link opens a page that does this; 409 BB-5015 when done before.")
  public ConfirmationView verify(@PathParam("id") String id, @QueryParam("token") String token) {
    return ConfirmationView.of(
        confirmations.verify(id, token), appointments.locations().slotMinutes());
  }

  @Schema(
      description = "The new start time of an appointment.",
      example = "{\"start\": \"2026-12-02T09:00:00Z\"}")
  public record RescheduleRequest(Instant start) {}

  @POST
  @Path("/{id}/reschedule")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "rescheduleAppointment",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Move a confirmed appointment to another free time (token of the confirmation)",
      description = "Atomic: when the new time is taken (409 BB-5005) the old one stays.")
  public AppointmentView reschedule(
      @PathParam("id") String id, @QueryParam("token") String token, RescheduleRequest request) {
    if (request == null || request.start() == null) {
      throw new MalformedRequestException("start angeben.");
    }
    return AppointmentView.of(
        changes.reschedule(id, token, request.start()), appointments.locations().slotMinutes());
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "cancelAppointment",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Cancel with the token of the confirmation link")
  @APIResponse(responseCode = "204", description = "Cancelled")
  public Response cancel(@PathParam("id") String id, @QueryParam("token") String token) {
    changes.cancel(id, token);
    return Response.noContent().build();
  }

  static LocalDate date(String value, String name) {
    try {
      return LocalDate.parse(value == null ? "" : value);
    } catch (DateTimeParseException e) {
      throw new MalformedRequestException(name + " muss ein Datum JJJJ-MM-TT sein.");
    }
  }
}
