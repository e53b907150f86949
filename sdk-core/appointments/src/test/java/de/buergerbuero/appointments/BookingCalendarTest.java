package de.buergerbuero.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The calendar asks its availability source once per range, whatever the source is. */
class BookingCalendarTest {

  /** Plays an external booking system: every slot has one place except Wednesdays at 08:10. */
  static final class ExternalSystem implements BookingCalendar {
    final List<Instant[]> calls = new ArrayList<>();

    @Override
    public Map<Instant, Integer> freePlaces(String locationId, Instant from, Instant to) {
      calls.add(new Instant[] {from, to});
      Map<Instant, Integer> free = new HashMap<>();
      for (Instant t = from; t.isBefore(to); t = t.plusSeconds(600)) {
        boolean blocked =
            t.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() == 3
                && t.atZone(java.time.ZoneId.of("Europe/Berlin"))
                    .toLocalTime()
                    .toString()
                    .equals("08:10");
        free.put(t, blocked ? 0 : 1);
      }
      return free;
    }
  }

  static AppointmentService service(ExternalSystem external) {
    AppointmentService s = new AppointmentService();
    s.resource = java.util.Optional.of("test-locations.json");
    s.secret = java.util.Optional.of("test");
    s.profile = java.util.Optional.of("test");
    s.clock = Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC);
    s.calendar = external;
    s.load();
    return s;
  }

  @Test
  @DisplayName("60 days of calendar are one call to the booking system")
  void oneCallPerRange() {
    ExternalSystem external = new ExternalSystem();
    Map<LocalDate, Integer> days =
        service(external)
            .freeDays("l", "pass", LocalDate.of(2026, 11, 30), LocalDate.of(2027, 1, 29));
    assertThat(external.calls).hasSize(1);
    // Mondays: 6 slots, a 2-slot service starts 5 times; Wednesdays: 3 slots, 08:10 blocked -> 0
    assertThat(days.get(LocalDate.of(2026, 12, 7))).isEqualTo(5);
    assertThat(days).doesNotContainKey(LocalDate.of(2026, 12, 2));
    assertThat(days).doesNotContainKey(LocalDate.of(2026, 11, 30)).as("not today");
  }

  @Test
  @DisplayName("the times of a day come from the same source, one call")
  void times() {
    ExternalSystem external = new ExternalSystem();
    List<Instant> times = service(external).freeTimes("l", "pass", LocalDate.of(2026, 12, 7));
    assertThat(external.calls).hasSize(1);
    assertThat(times).hasSize(5).first().isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
  }
}
