package de.buergerbuero.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.BuergerbueroException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocationsTest {
  static final String JSON =
      """
      {"slotMinutes": 10, "bookingWindowDays": {"min": 1, "max": 60},
       "locations": [{"id": "l", "name": "Bürgerbüro", "room": "0.02", "department": "ordnungsamt", "capacity": 2,
         "opening": {"MONDAY": ["08:00-09:00", "14:00-14:30"]},
         "closed": ["2026-12-28"],
         "services": [{"id": "pass", "name": "Reisepass", "slots": 3}]}]}
      """;

  static Locations locations() {
    return Locations.read(new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("a Monday has the slots of both opening ranges, in the location's time zone")
  void slots() {
    var l = locations();
    var location = l.location("l");
    var monday = LocalDate.of(2026, 12, 7);
    assertThat(l.slotsOf(location, monday)).hasSize(6 + 3);
    assertThat(l.slotsOf(location, monday).get(0)).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
    assertThat(l.slotsOf(location, monday.plusDays(1))).isEmpty();
    assertThat(l.slotsOf(location, LocalDate.of(2026, 12, 28))).as("closed").isEmpty();
  }

  @Test
  @DisplayName("a three-slot service starts only where three slots fit into one opening range")
  void starts() {
    var l = locations();
    var starts = l.startsOf(l.location("l"), LocalDate.of(2026, 12, 7), 3);
    assertThat(starts).hasSize(4 + 1);
    assertThat(starts.get(Instant.parse("2026-12-07T13:00:00Z")))
        .containsExactly(
            Instant.parse("2026-12-07T13:00:00Z"),
            Instant.parse("2026-12-07T13:10:00Z"),
            Instant.parse("2026-12-07T13:20:00Z"));
  }

  @Test
  @DisplayName("the booking window counts from today")
  void window() {
    var l = locations();
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(l.inWindow(l.location("l"), LocalDate.of(2026, 12, 1), now)).isFalse();
    assertThat(l.inWindow(l.location("l"), LocalDate.of(2026, 12, 2), now)).isTrue();
    assertThat(l.inWindow(l.location("l"), LocalDate.of(2027, 1, 30), now)).isTrue();
    assertThat(l.inWindow(l.location("l"), LocalDate.of(2027, 1, 31), now)).isFalse();
  }

  @Test
  @DisplayName("unknown locations and services, broken files: clear errors")
  void errors() {
    var l = locations();
    assertThatThrownBy(() -> l.location("x"))
        .isInstanceOfSatisfying(
            BuergerbueroException.class,
            e -> assertThat(e.errorCode()).isEqualTo(AppointmentsError.UNKNOWN_LOCATION));
    assertThatThrownBy(() -> l.service(l.location("l"), "x"))
        .isInstanceOfSatisfying(
            BuergerbueroException.class,
            e -> assertThat(e.errorCode()).isEqualTo(AppointmentsError.UNKNOWN_SERVICE));
    assertThatThrownBy(
            () ->
                Locations.read(
                    new ByteArrayInputStream(
                        "{\"locations\":[{\"id\":\"l\",\"opening\":{\"MONDAY\":[\"12:00-08:00\"]}}]}"
                            .getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            BuergerbueroException.class,
            e -> assertThat(e.errorCode()).isEqualTo(AppointmentsError.CONFIGURATION_INVALID));
  }
}
