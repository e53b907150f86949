package de.buergerbuero.appointments;

import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.time.Periodic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The background work of appointments: slot rows for the booking window, expiry of holds and
 * unverified bookings, reminders, erasure of old contact data.
 */
@ApplicationScoped
public class AppointmentMaintenance {
  private static final Logger LOG = Logger.getLogger(AppointmentMaintenance.class.getName());

  @Inject AppointmentService appointments;
  @Inject AppointmentStore store;
  @Inject AppointmentNotices notices;
  @Inject Slots slots;
  @Inject Transactions tx;
  @Inject Clock clock;
  @Resource ManagedScheduledExecutorService executor;

  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.contact-retention-days", defaultValue = "30")
  int contactRetentionDays;

  private ScheduledFuture<?> maintenance;

  /**
   * After the schema exists: slot rows for the booking window and the erasure of old contact data,
   * then hourly; holds expire every 30 seconds.
   */
  void start(@Observes @Priority(1100) Startup startup) {
    appointments.ensureSlots();
    forgetPastContacts();
    maintenance =
        Periodic.every(
            executor,
            30_000,
            LOG,
            "Appointment maintenance",
            () -> {
              expireHolds();
              queueReminders();
              if (clock.instant().getEpochSecond() % 3600 < 30) {
                appointments.ensureSlots();
                forgetPastContacts();
              }
            });
  }

  @PreDestroy
  void stop() {
    if (maintenance != null) {
      maintenance.cancel(false);
    }
  }

  /** Queues reminders for confirmed appointments starting within the next 24 hours. */
  public int queueReminders() {
    if (!notices.enabled()) {
      return 0;
    }
    Instant now = clock.instant();
    List<Appointment> due =
        tx.required(() -> store.remindersDue(now, now.plus(AppointmentMail.REMINDER_BEFORE)));
    int queued = 0;
    for (Appointment a : due) {
      try {
        tx.required(
            () -> {
              if (store.markReminded(a.id())) {
                notices.reminder(a.id());
              }
            });
        queued++;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "reminder not queued", e);
      }
    }
    return queued;
  }

  /**
   * Data minimisation: contact data is needed for the confirmation, reminder and cancellation only;
   * {@code buergerbuero.appointments.contact-retention-days} (default 30) after the appointment it
   * is erased.
   */
  public int forgetPastContacts() {
    Instant before = clock.instant().minus(Duration.ofDays(Math.max(1, contactRetentionDays)));
    return tx.required(() -> store.forgetContacts(before));
  }

  /** Ends holds and unverified bookings not confirmed in time and frees their slots. */
  public int expireHolds() {
    List<Appointment> expired = tx.required(() -> store.expiredHolds(clock.instant(), 500));
    int count = 0;
    for (Appointment a : expired) {
      boolean done =
          tx.required(
              () -> {
                if (store.changeStatus(a.id(), a.status(), "EXPIRED")) {
                  slots.release(a);
                  return true;
                }
                return false;
              });
      count += done ? 1 : 0;
    }
    return count;
  }
}
