package de.buergerbuero.connector.dms.xdomea;

import de.buergerbuero.kernel.error.MalformedRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical spaces of the XML Schema types the reply reader reads, exactly as XML Schema Part 2
 * defines them (not as Java's parsers happen to): a DMS may write any valid form.
 */
final class XsValues {
  /** xs:dateTime: optional sign, 4+ digit year, 24:00:00 allowed, any fraction, optional zone. */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(-?(?:[1-9][0-9]{4,}|[0-9]{4}))-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
              + "(?:\\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})?");

  /** xdomea stringUUIDType (a pattern on xs:string, so no whitespace is allowed around it). */
  private static final Pattern UUID_PATTERN =
      Pattern.compile(
          "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

  private XsValues() {}

  /**
   * Whitespace facet "collapse": XML whitespace (space, tab, CR, LF) runs become one space, leading
   * and trailing ones are removed. Other Unicode spaces are content.
   */
  static String collapse(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** xs:boolean: {@code true}, {@code false}, {@code 1}, {@code 0}, whitespace collapsed. */
  static boolean xsBoolean(String lexical, String element) {
    return switch (collapse(lexical)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default ->
          throw new MalformedRequestException(
              element + " is not an xs:boolean (true, false, 1 or 0): " + printable(lexical));
    };
  }

  /**
   * xs:dateTime as an instant. A value without a time zone is, per XML Schema, in an unspecified
   * zone; it is read in {@code unspecified} (the sender's local time).
   */
  static Instant xsDateTime(String lexical, ZoneId unspecified, String element) {
    Matcher m = DATE_TIME.matcher(collapse(lexical));
    if (!m.matches()) {
      throw notDateTime(lexical, element);
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
      if (hour == 24) { // 24:00:00 is the first instant of the next day
        if (minute != 0 || second != 0 || !fraction.matches("0*")) {
          throw notDateTime(lexical, element);
        }
        local = date.plusDays(1).atStartOfDay();
      } else {
        String nanos = (fraction + "000000000").substring(0, 9); // beyond ns: truncated
        local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, Integer.parseInt(nanos)));
      }
      String zone = m.group(8);
      if (zone == null) {
        return local.atZone(unspecified).toInstant();
      }
      return local.toInstant(offset(zone, lexical, element));
    } catch (DateTimeException | NumberFormatException e) {
      throw notDateTime(lexical, element);
    }
  }

  private static ZoneOffset offset(String zone, String lexical, String element) {
    if (zone.equals("Z")) {
      return ZoneOffset.UTC;
    }
    int hours = Integer.parseInt(zone.substring(1, 3));
    int minutes = Integer.parseInt(zone.substring(4, 6));
    if (hours > 14 || minutes > 59 || (hours == 14 && minutes != 0)) {
      throw notDateTime(lexical, element);
    }
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  /** xdomea stringUUIDType; surrounding XML whitespace is tolerated. */
  static UUID uuid(String lexical, String element) {
    String s = collapse(lexical);
    if (!UUID_PATTERN.matcher(s).matches()) {
      throw new MalformedRequestException(element + " is not a UUID: " + printable(lexical));
    }
    return UUID.fromString(s);
  }

  private static MalformedRequestException notDateTime(String lexical, String element) {
    return new MalformedRequestException(element + " is not an xs:dateTime: " + printable(lexical));
  }

  static String printable(String s) {
    String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
