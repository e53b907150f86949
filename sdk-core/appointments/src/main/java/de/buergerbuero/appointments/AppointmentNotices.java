package de.buergerbuero.appointments;

import de.buergerbuero.kernel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues appointment e-mails through the outbox, in the transaction of the change. Kinds that
 * happen once per appointment (confirmed, cancelled) have a fixed idempotency key; kinds that may
 * happen again (reminder after a move, each move, a repeated opt-in mail) get a fresh one, since
 * their guard is the row update in the same transaction.
 */
@ApplicationScoped
public class AppointmentNotices {
  @Inject Outbox outbox;

  /** Whether confirmations, cancellations and reminders are e-mailed (needs a mail session). */
  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.mail", defaultValue = "false")
  boolean mail;

  /** Whether e-mail is configured; then bookings need the double opt-in. */
  public boolean enabled() {
    return mail;
  }

  void confirmed(String id) {
    queue("confirmed", "appointment-confirmed-" + id, id);
  }

  void cancelled(String id) {
    queue("cancelled", "appointment-cancelled-" + id, id);
  }

  void rescheduled(String id) {
    queue("rescheduled", "appointment-rescheduled-" + id + "-" + UUID.randomUUID(), id);
  }

  void reminder(String id) {
    queue("reminder", "appointment-reminder-" + id + "-" + UUID.randomUUID(), id);
  }

  void verify(String id) {
    queue("verify", "appointment-verify-" + id + "-" + UUID.randomUUID(), id);
  }

  private void queue(String kind, String key, String id) {
    if (mail) {
      outbox.enqueue(AppointmentMail.TYPE, key, kind + ":" + id);
    }
  }
}
