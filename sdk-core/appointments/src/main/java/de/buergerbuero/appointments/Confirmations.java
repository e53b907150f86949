package de.buergerbuero.appointments;

import de.buergerbuero.kernel.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Confirming a hold with name and e-mail address. When e-mail is configured this is a double
 * opt-in: the hold becomes PENDING and a link goes to the address; only following that link
 * confirms the appointment and sends the cancel link, so nobody books in another person's name and
 * the open-bookings limit counts real mailboxes. Without e-mail the appointment is confirmed at
 * once and the answer carries the cancel link.
 */
@ApplicationScoped
public class Confirmations {
  @Inject AppointmentService appointments;
  @Inject AppointmentStore store;
  @Inject AppointmentNotices notices;
  @Inject Transactions tx;
  @Inject Clock clock;

  /** How long a booking waits for its opt-in link to be followed before the time is free again. */
  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.opt-in-minutes", defaultValue = "30")
  int optInMinutes;

  /**
   * The outcome: a CONFIRMED appointment with its cancel token, or a PENDING one (token {@code
   * null}) waiting for the opt-in link.
   */
  public record Confirmation(Appointment appointment, String cancelToken, String room) {
    public boolean pending() {
      return "PENDING".equals(appointment.status());
    }
  }

  /** Confirms (or, with e-mail, asks the address to confirm) a hold; needs its hold token. */
  public Confirmation confirm(String id, String holdToken, String name, String email) {
    ContactData contact = new ContactData(name, email);
    if (id == null || !AppointmentService.matches(appointments.holdToken(id), holdToken)) {
      throw AppointmentsError.APPOINTMENT_NOT_FOUND.with(
          "Unbekannte Reservierung oder ungültiger Schlüssel.");
    }
    String emailKey = appointments.emailKey(contact.mailbox());
    int maxOpen = appointments.locations().maxOpenPerEmail();
    Appointment result =
        tx.required(
            () -> {
              Appointment a = requireExisting(id);
              if ("CONFIRMED".equals(a.status()) || "PENDING".equals(a.status())) {
                throw AppointmentsError.ALREADY_CONFIRMED.with(
                    "Diese Reservierung ist schon bestätigt oder wartet auf die Bestätigung per"
                        + " E-Mail.");
              }
              if (!"HELD".equals(a.status()) || a.holdUntil().isBefore(clock.instant())) {
                throw AppointmentsError.HOLD_EXPIRED.with(
                    "Die Reservierung ist abgelaufen. Bitte wählen Sie den Termin erneut.");
              }
              if (store.openBookings(emailKey, clock.instant()) >= maxOpen) {
                throw AppointmentsError.TOO_MANY_OPEN_BOOKINGS.with(
                    "Mit dieser E-Mail-Adresse sind bereits " + maxOpen + " Termine gebucht.");
              }
              if (notices.enabled()) {
                store.pending(
                    id,
                    contact.name(),
                    contact.email(),
                    emailKey,
                    clock.instant().plus(Duration.ofMinutes(Math.max(1, optInMinutes))));
                notices.verify(id);
              } else {
                store.confirm(id, contact.name(), contact.email(), emailKey);
              }
              return requireExisting(id);
            });
    return outcome(result);
  }

  /**
   * Follows the opt-in link: a PENDING appointment becomes CONFIRMED and its cancel link is sent.
   */
  public Confirmation verify(String id, String token) {
    if (id == null || !AppointmentService.matches(appointments.verifyToken(id), token)) {
      throw AppointmentsError.APPOINTMENT_NOT_FOUND.with(
          "Unbekannter Termin oder ungültiger Link.");
    }
    Appointment result =
        tx.required(
            () -> {
              Appointment a = requireExisting(id);
              if ("CONFIRMED".equals(a.status())) {
                throw AppointmentsError.ALREADY_CONFIRMED.with(
                    "Der Termin ist schon bestätigt; den Link zum Absagen finden Sie in der"
                        + " Bestätigung per E-Mail.");
              }
              if (!"PENDING".equals(a.status()) || a.holdUntil().isBefore(clock.instant())) {
                throw AppointmentsError.HOLD_EXPIRED.with(
                    "Die Reservierung ist abgelaufen. Bitte wählen Sie den Termin erneut.");
              }
              store.verified(id);
              notices.confirmed(id);
              return requireExisting(id);
            });
    return outcome(result);
  }

  private Confirmation outcome(Appointment a) {
    String room = appointments.locations().location(a.locationId()).room();
    return new Confirmation(
        a, "CONFIRMED".equals(a.status()) ? appointments.cancelToken(a.id()) : null, room);
  }

  private Appointment requireExisting(String id) {
    return store
        .byId(id)
        .orElseThrow(() -> AppointmentsError.APPOINTMENT_NOT_FOUND.with("Unbekannter Termin."));
  }
}
