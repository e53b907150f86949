package de.buergerbuero.connector.servicekonto;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SAML values in the lexical spaces XML Schema gives their types, so that any form an IdP may
 * validly write is read (not only the one {@link Instant#parse} or {@link Boolean#parseBoolean}
 * knows).
 */
final class SamlValues {
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(-?(?:[1-9][0-9]{4,}|[0-9]{4}))-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
              + "(?:\\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})?");

  private SamlValues() {}

  /** Whitespace facet "collapse" (XML whitespace only: space, tab, CR, LF). */
  static String collapse(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** xs:boolean ({@code true}, {@code false}, {@code 1}, {@code 0}); {@code absent} when null. */
  static boolean xsBoolean(String lexical, boolean absent, String what) {
    if (lexical == null) {
      return absent;
    }
    return switch (collapse(lexical)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default ->
          throw new SamlException(
              SamlException.Reason.METADATA,
              what + " is not an xs:boolean (true, false, 1 or 0): " + printable(lexical));
    };
  }

  /**
   * A SAML time value (SAML core §1.3.3: xs:dateTime in UTC). Read in the whole xs:dateTime lexical
   * space: {@code Z} or an explicit offset (converted), any number of fraction digits (kept to
   * nanoseconds), {@code 24:00:00}, surrounding whitespace; a value without zone is UTC, as §1.3.3
   * requires of the sender.
   */
  static Instant instant(String lexical, String what) {
    Matcher m = lexical == null ? null : DATE_TIME.matcher(collapse(lexical));
    if (m == null || !m.matches()) {
      throw notTime(lexical, what);
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      int hour = Integer.parseInt(m.group(4));
      int minute = Integer.parseInt(m.group(5));
      int second = Integer.parseInt(m.group(6));
      String fraction = m.group(7) == null ? "" : m.group(7);
      LocalDateTime local;
      if (hour == 24) {
        if (minute != 0 || second != 0 || !fraction.matches("0*")) {
          throw notTime(lexical, what);
        }
        local = date.plusDays(1).atStartOfDay();
      } else {
        int nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
        local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
      }
      String zone = m.group(8);
      if (zone == null || zone.equals("Z")) {
        return local.toInstant(ZoneOffset.UTC);
      }
      int hours = Integer.parseInt(zone.substring(1, 3));
      int minutes = Integer.parseInt(zone.substring(4, 6));
      if (hours > 14 || minutes > 59 || (hours == 14 && minutes != 0)) {
        throw notTime(lexical, what);
      }
      int sign = zone.charAt(0) == '-' ? -1 : 1;
      return local.toInstant(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
    } catch (DateTimeException | NumberFormatException e) {
      throw notTime(lexical, what);
    }
  }

  private static SamlException notTime(String lexical, String what) {
    return new SamlException(
        SamlException.Reason.MALFORMED, what + " is not an xs:dateTime: " + printable(lexical));
  }

  /** Only characters a time or boolean may contain are shown; the rest becomes "?". */
  private static String printable(String value) {
    String s = String.valueOf(value);
    s = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return "\"" + s.replaceAll("[^0-9A-Za-z:.+ -]", "?") + "\"";
  }
}
