package de.buergerbuero.appointments;

import de.buergerbuero.appointments.Locations.Location;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Taking and giving back slot places, shared by holds and moves. A slot is never given out more
 * often than its capacity: each needed slot is taken with a conditional update in ascending time
 * order inside the caller's transaction (see {@code V1__appointments.sql}); if one is full the
 * whole transaction rolls back. Deadlocks and serialisation failures are retried.
 */
@ApplicationScoped
class Slots {
  @Inject AppointmentStore store;
  @Inject AppointmentService appointments;

  /** Takes every slot (ascending: the fixed lock order) or throws {@code SLOT_TAKEN}. */
  void takeAll(String locationId, List<Instant> slots, String whenTaken) {
    for (Instant slot : slots) {
      if (!store.take(locationId, slot)) {
        throw AppointmentsError.SLOT_TAKEN.with(whenTaken);
      }
    }
  }

  void release(Appointment a) {
    Locations locations = appointments.locations();
    Location location = locations.location(a.locationId());
    for (int i = 0; i < a.slotCount(); i++) {
      store.release(location.id(), a.start().plus(locations.slot().multipliedBy(i)));
    }
  }

  /** Runs a transaction, again up to four times after a deadlock or serialisation failure. */
  static <T> T retrying(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (attempt < 5 && isTransient(e)) {
          continue;
        }
        throw e;
      }
    }
  }

  /** Deadlock or serialisation failure (SQLSTATE class 40): try again. */
  static boolean isTransient(Throwable e) {
    return sqlState(e).map(s -> s.startsWith("40")).orElse(false);
  }

  /** Unique constraint violation (SQLSTATE 23505): a parallel request with the same key won. */
  static boolean isDuplicate(Throwable e) {
    return sqlState(e).map(s -> s.equals("23505")).orElse(false);
  }

  private static Optional<String> sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }
}
