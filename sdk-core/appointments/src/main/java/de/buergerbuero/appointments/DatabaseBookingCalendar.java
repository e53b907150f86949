package de.buergerbuero.appointments;

import de.buergerbuero.kernel.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** The default availability source: one query over the SDK's slot table for the whole range. */
@ApplicationScoped
public class DatabaseBookingCalendar implements BookingCalendar {
  @Inject AppointmentStore store;
  @Inject Transactions tx;

  @Override
  public Map<Instant, Integer> freePlaces(String locationId, Instant from, Instant to) {
    return tx.required(() -> store.free(locationId, from, to));
  }
}
