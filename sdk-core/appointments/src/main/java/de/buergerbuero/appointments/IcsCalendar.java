package de.buergerbuero.appointments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) object with one event, for the confirmation ({@code METHOD:PUBLISH}) and
 * the cancellation ({@code METHOD:CANCEL}) of an appointment; updates keep the UID and raise the
 * SEQUENCE (the caller passes minutes since the epoch, which only grow). Times in UTC; text
 * escaped; lines folded at 75 octets; CRLF line ends.
 */
final class IcsCalendar {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private IcsCalendar() {}

  static String event(
      String uid,
      boolean cancelled,
      int sequence,
      Instant start,
      Instant end,
      Instant stamp,
      String summary,
      String location,
      String description,
      String url) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//Buergerbuero SDK//Terminvereinbarung//DE");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:" + (cancelled ? "CANCEL" : "PUBLISH"));
    line(ics, "BEGIN:VEVENT");
    line(ics, "UID:" + uid);
    line(ics, "SEQUENCE:" + sequence);
    line(ics, "DTSTAMP:" + UTC.format(stamp));
    line(ics, "DTSTART:" + UTC.format(start));
    line(ics, "DTEND:" + UTC.format(end));
    line(ics, "SUMMARY:" + text(summary));
    line(ics, "LOCATION:" + text(location));
    line(ics, "DESCRIPTION:" + text(description));
    if (url != null) {
      line(ics, "URL:" + url);
    }
    line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
    line(ics, "END:VEVENT");
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  /** TEXT value escaping (RFC 5545 3.3.11). */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "");
  }

  /** Appends a content line folded at 75 octets without splitting a UTF-8 character. */
  private static void line(StringBuilder ics, String content) {
    int octets = 0;
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      int size = ch.getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        ics.append(current).append("\r\n ");
        current.setLength(0);
        octets = 1;
      }
      current.append(ch);
      octets += size;
      i += Character.charCount(cp);
    }
    ics.append(current).append("\r\n");
  }
}
