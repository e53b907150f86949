package de.buergerbuero.appointments;

import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.persistence.TransactionalRunner;
import de.buergerbuero.kernel.persistence.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The appointment use cases wired by hand on an in-memory store, at a settable time. */
class Harness {
  final InMemoryStore store = new InMemoryStore();
  final RecordingOutbox outbox = new RecordingOutbox();
  final List<String> audit = new ArrayList<>();
  final Transactions tx = transactions();
  Instant now = Instant.parse("2026-12-06T09:00:00Z"); // a Sunday; Mondays 08:00-09:00 Berlin
  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  final AppointmentService service = new AppointmentService();
  final AppointmentNotices notices = new AppointmentNotices();
  final Slots slots = new Slots();
  final Holds holds = new Holds();
  final Confirmations confirmations = new Confirmations();
  final Changes changes = new Changes();
  final StaffAppointments staff = new StaffAppointments();
  final AppointmentMaintenance maintenance = new AppointmentMaintenance();

  Harness(boolean mail) {
    service.resource = Optional.of("test-locations.json");
    service.secret = Optional.of("test-only-secret-of-at-least-32-characters");
    service.profile = Optional.of("test");
    service.clock = clock;
    service.store = store;
    service.tx = tx;
    DatabaseBookingCalendar calendar = new DatabaseBookingCalendar();
    calendar.store = store;
    calendar.tx = tx;
    service.calendar = calendar;
    service.load();
    service.ensureSlots();
    notices.outbox = outbox;
    notices.mail = mail;
    slots.store = store;
    slots.appointments = service;
    holds.appointments = service;
    holds.store = store;
    holds.slots = slots;
    holds.tx = tx;
    holds.clock = clock;
    confirmations.appointments = service;
    confirmations.store = store;
    confirmations.notices = notices;
    confirmations.tx = tx;
    confirmations.clock = clock;
    confirmations.optInMinutes = 30;
    changes.appointments = service;
    changes.store = store;
    changes.notices = notices;
    changes.slots = slots;
    changes.tx = tx;
    changes.clock = clock;
    staff.appointments = service;
    staff.store = store;
    staff.tx = tx;
    staff.clock = clock;
    staff.audit =
        new AuditLog() {
          @Override
          public void append(
              String actor, String action, String objectType, String objectId, String detail) {
            audit.add(actor + " " + action + " " + objectType + ":" + objectId);
          }
        };
    maintenance.appointments = service;
    maintenance.store = store;
    maintenance.notices = notices;
    maintenance.slots = slots;
    maintenance.tx = tx;
    maintenance.clock = clock;
    maintenance.contactRetentionDays = 30;
  }

  /** Holds and confirms (following the opt-in link when e-mail is on); the cancel token. */
  String book(Instant start, String email) {
    Holds.Hold hold = holds.hold("l", "pass", start, java.util.UUID.randomUUID().toString());
    String id = hold.appointment().id();
    var c = confirmations.confirm(id, hold.holdToken(), "Erika", email);
    if (c.pending()) {
      c = confirmations.verify(id, service.verifyToken(id));
    }
    return c.cancelToken();
  }

  static Transactions transactions() {
    try {
      Transactions tx = new Transactions();
      var runner = Transactions.class.getDeclaredField("runner");
      runner.setAccessible(true);
      runner.set(
          tx,
          new TransactionalRunner() {
            @Override
            public <T> Outcome<T> run(Supplier<T> work) {
              return new Outcome<>(work.get(), null);
            }
          });
      return tx;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
