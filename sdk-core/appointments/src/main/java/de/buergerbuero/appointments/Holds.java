package de.buergerbuero.appointments;

import de.buergerbuero.appointments.Locations.Location;
import de.buergerbuero.appointments.Locations.OfferedService;
import de.buergerbuero.kernel.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reserving a time for a few minutes. A repeated request (same request key) returns the first hold.
 * The hold comes with a hold token: only whoever made the hold can confirm it (the id alone, which
 * clerks and outbox keys show, gives no rights).
 */
@ApplicationScoped
public class Holds {
  @Inject AppointmentService appointments;
  @Inject AppointmentStore store;
  @Inject Slots slots;
  @Inject Transactions tx;
  @Inject Clock clock;

  /** A reservation and the token that authorises confirming it. */
  public record Hold(Appointment appointment, String holdToken) {}

  /**
   * Reserves the slots. {@code requestKey} (chosen by the client, e.g. a UUID per booking attempt)
   * makes a repeated request return the same hold.
   */
  public Hold hold(String locationId, String serviceId, Instant start, String requestKey) {
    Locations locations = appointments.locations();
    Location location = locations.location(locationId);
    OfferedService service = locations.service(location, serviceId);
    LocalDate date = LocalDate.ofInstant(start, location.zone());
    if (!locations.inWindow(location, date, clock.instant())) {
      throw AppointmentsError.OUTSIDE_BOOKING_WINDOW.with(
          "Termine können "
              + locations.minDaysAhead()
              + " bis "
              + locations.maxDaysAhead()
              + " Tage im Voraus gebucht werden.");
    }
    List<Instant> needed = locations.startsOf(location, date, service.slots()).get(start);
    if (needed == null) {
      throw AppointmentsError.NOT_A_START_TIME.with("Zu dieser Uhrzeit beginnt kein Termin.");
    }
    String key =
        requestKey == null || requestKey.isBlank() ? UUID.randomUUID().toString() : requestKey;
    if (key.length() > 100) {
      throw AppointmentsError.INVALID_CONTACT.with("requestKey: höchstens 100 Zeichen.");
    }
    Appointment held;
    try {
      held =
          Slots.retrying(
              () ->
                  tx.required(
                      () -> {
                        Optional<Appointment> earlier = store.byRequestKey(key);
                        if (earlier.isPresent()) {
                          return earlier.get();
                        }
                        slots.takeAll(
                            location.id(),
                            needed,
                            "Dieser Termin ist gerade vergeben worden. Bitte wählen Sie einen"
                                + " anderen.");
                        Instant now = clock.instant();
                        Appointment a =
                            new Appointment(
                                UUID.randomUUID().toString(),
                                location.id(),
                                service.id(),
                                start,
                                needed.size(),
                                "HELD",
                                now.plus(Duration.ofMinutes(locations.holdMinutes())),
                                null,
                                null);
                        store.insert(a, key, now);
                        return a;
                      }));
    } catch (RuntimeException e) {
      if (!Slots.isDuplicate(e)) {
        throw e;
      }
      held = tx.required(() -> store.byRequestKey(key)).orElseThrow(() -> e);
    }
    return new Hold(held, appointments.holdToken(held.id()));
  }
}
