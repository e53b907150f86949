package de.buergerbuero.appointments;

import de.buergerbuero.appointments.Locations.Location;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.error.AccessDeniedException;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.security.Caller.StaffCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The staff side: the day view of a location and no-shows, for clerks of the department the
 * location belongs to ({@code department} in the locations file). Every view of contact data is
 * written to the audit log, one entry per appointment shown.
 */
@ApplicationScoped
public class StaffAppointments {
  static final String AUDIT_OBJECT = "appointment";

  @Inject AppointmentService appointments;
  @Inject AppointmentStore store;
  @Inject AuditLog audit;
  @Inject Transactions tx;
  @Inject Clock clock;

  /** The day's confirmed appointments (and no-shows) of a location. */
  public List<Appointment> day(StaffCaller staff, String locationId, LocalDate date) {
    Location location = appointments.locations().location(locationId);
    if (!staff.worksIn(location.department())) {
      throw new AccessDeniedException(
          "Die Termine dieses Standorts sehen nur Mitarbeitende seines Fachbereichs.");
    }
    return tx.required(
        () -> {
          List<Appointment> day =
              store.day(
                  location.id(),
                  date.atStartOfDay(location.zone()).toInstant(),
                  date.plusDays(1).atStartOfDay(location.zone()).toInstant());
          for (Appointment a : day) {
            if (a.contactName() != null || a.contactEmail() != null) {
              audit.append(staff.auditId(), "APPOINTMENT_CONTACT_READ", AUDIT_OBJECT, a.id(), null);
            }
          }
          return day;
        });
  }

  /** The person did not come; only once the appointment has begun. */
  public Appointment markNoShow(StaffCaller staff, String id) {
    return tx.required(
        () -> {
          Appointment a =
              store
                  .byId(id)
                  .filter(
                      found ->
                          staff.worksIn(
                              appointments.locations().location(found.locationId()).department()))
                  .orElseThrow(
                      () -> AppointmentsError.APPOINTMENT_NOT_FOUND.with("Unbekannter Termin."));
          if (a.start().isAfter(clock.instant())) {
            throw AppointmentsError.NOT_STARTED_YET.with(
                "Ein Termin kann erst nach seinem Beginn als nicht wahrgenommen gelten.");
          }
          if (!store.changeStatus(id, "CONFIRMED", "NO_SHOW")) {
            throw AppointmentsError.NOT_CANCELLABLE.with("Nur bestätigte Termine.");
          }
          audit.append(staff.auditId(), "APPOINTMENT_NO_SHOW", AUDIT_OBJECT, id, null);
          return store.byId(id).orElseThrow();
        });
  }
}
