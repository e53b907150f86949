package de.buergerbuero.appointments;

import java.time.Instant;
import java.util.Map;

/**
 * Seam for the availability source of the calendar. The default is the SDK's own slot table ({@link
 * DatabaseBookingCalendar}); a town that keeps its appointments in an external booking system
 * (TEVIS, Qmatic, ZMS-style systems) provides a CDI {@code @Alternative} that asks that system —
 * for the <b>whole range in one call</b>: the calendar view of 60 days is one request, not 60 (peer
 * systems that query day by day make citizens wait 10–25 s).
 */
public interface BookingCalendar {

  /**
   * Free places per slot start of a location in {@code [from, to)}; slots without an entry count as
   * full.
   */
  Map<Instant, Integer> freePlaces(String locationId, Instant from, Instant to);
}
