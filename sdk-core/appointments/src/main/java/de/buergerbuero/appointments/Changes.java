package de.buergerbuero.appointments;

import de.buergerbuero.appointments.Locations.Location;
import de.buergerbuero.appointments.Locations.OfferedService;
import de.buergerbuero.kernel.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the citizen may change with the cancel token of the confirmation: move the appointment or
 * cancel it.
 */
@ApplicationScoped
public class Changes {
  @Inject AppointmentService appointments;
  @Inject AppointmentStore store;
  @Inject AppointmentNotices notices;
  @Inject Slots slots;
  @Inject Transactions tx;
  @Inject Clock clock;

  /**
   * Moves a confirmed appointment to another start time in one transaction: its slots are given
   * back and the new ones taken (or nothing changes, when the new time is full).
   */
  public Appointment reschedule(String id, String token, Instant newStart) {
    requireToken(id, token);
    return Slots.retrying(
        () ->
            tx.required(
                () -> {
                  Appointment a = requireExisting(id);
                  if (!"CONFIRMED".equals(a.status()) || !a.start().isAfter(clock.instant())) {
                    throw AppointmentsError.NOT_CANCELLABLE.with(
                        "Nur künftige bestätigte Termine können verlegt werden.");
                  }
                  if (a.start().equals(newStart)) {
                    return a;
                  }
                  Locations locations = appointments.locations();
                  Location location = locations.location(a.locationId());
                  OfferedService service = locations.service(location, a.serviceId());
                  LocalDate date = LocalDate.ofInstant(newStart, location.zone());
                  if (!locations.inWindow(location, date, clock.instant())) {
                    throw AppointmentsError.OUTSIDE_BOOKING_WINDOW.with(
                        "Der neue Termin liegt außerhalb des Buchungszeitraums.");
                  }
                  List<Instant> needed =
                      locations.startsOf(location, date, service.slots()).get(newStart);
                  if (needed == null) {
                    throw AppointmentsError.NOT_A_START_TIME.with(
                        "Zu dieser Uhrzeit beginnt kein Termin.");
                  }
                  slots.release(a);
                  slots.takeAll(
                      location.id(),
                      needed,
                      "Der neue Termin ist gerade vergeben worden. Ihr bisheriger Termin bleibt.");
                  store.move(id, newStart);
                  notices.rescheduled(id);
                  return requireExisting(id);
                }));
  }

  /** Cancels with the token from the confirmation; the slots are free again. */
  public void cancel(String id, String token) {
    requireToken(id, token);
    tx.required(
        () -> {
          Appointment a = requireExisting(id);
          if (!List.of("CONFIRMED", "PENDING", "HELD").contains(a.status())) {
            throw AppointmentsError.NOT_CANCELLABLE.with("Der Termin ist nicht mehr aktiv.");
          }
          if (!a.start().isAfter(clock.instant())) {
            throw AppointmentsError.NOT_CANCELLABLE.with("Der Termin hat schon begonnen.");
          }
          if (store.changeStatus(id, a.status(), "CANCELLED")) {
            slots.release(a);
            if (a.status().equals("CONFIRMED")) {
              notices.cancelled(id);
            }
          }
        });
  }

  private void requireToken(String id, String token) {
    if (id == null || !AppointmentService.matches(appointments.cancelToken(id), token)) {
      throw AppointmentsError.APPOINTMENT_NOT_FOUND.with(
          "Unbekannter Termin oder ungültiger Link.");
    }
  }

  private Appointment requireExisting(String id) {
    return store
        .byId(id)
        .orElseThrow(() -> AppointmentsError.APPOINTMENT_NOT_FOUND.with("Unbekannter Termin."));
  }
}
