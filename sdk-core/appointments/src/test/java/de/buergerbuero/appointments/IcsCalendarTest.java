package de.buergerbuero.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {
  @Test
  @DisplayName(
      "an invitation is RFC 5545: CRLF, UTC times, escaped text, lines of at most 75 octets")
  void invitation() {
    String ics =
        IcsCalendar.event(
            "a1@buergerbuero",
            false,
            0,
            Instant.parse("2026-12-04T08:00:00Z"),
            Instant.parse("2026-12-04T08:20:00Z"),
            Instant.parse("2026-12-01T10:00:00Z"),
            "Personalausweis beantragen",
            "Bürgerbüro im Rathaus Musterstadt, Raum 0.02",
            "Weg; vom Haupteingang: http://localhost:9080/r/0.02 – Straße, Ämter und Öffnungszeiten"
                + " stehen auf der Seite der Stadtverwaltung Musterstadt.",
            "http://localhost:9080/r/0.02");
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(ics).contains("METHOD:PUBLISH\r\n", "DTSTART:20261204T080000Z\r\n");
    assertThat(ics).contains("LOCATION:Bürgerbüro im Rathaus Musterstadt\\, Raum 0.02");
    assertThat(ics).contains("DESCRIPTION:Weg\\; vom");
    assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    String unfolded = ics.replace("\r\n ", "");
    assertThat(unfolded).contains("Öffnungszeiten stehen auf der Seite der Stadtverwaltung");
  }

  @Test
  @DisplayName("a cancellation has METHOD:CANCEL, the same UID and a higher SEQUENCE")
  void cancellation() {
    Instant t = Instant.parse("2026-12-04T08:00:00Z");
    String ics = IcsCalendar.event("a1@buergerbuero", true, 1, t, t, t, "x", "y", "z", null);
    assertThat(ics)
        .contains("METHOD:CANCEL", "UID:a1@buergerbuero", "SEQUENCE:1", "STATUS:CANCELLED");
  }
}
