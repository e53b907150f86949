package de.buergerbuero.kernel.xml;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of external XML formats read in the lexical spaces XML Schema Part 2 gives their types,
 * not as Java's parsers happen to ({@link Boolean#parseBoolean} knows only {@code true}, {@link
 * Instant#parse} no {@code 24:00:00}, no missing zone). Connectors map an empty answer to their own
 * error, naming the element.
 */
public final class XsdLexical {
  /** xs:dateTime: optional sign, 4+ digit year, 24:00:00 allowed, any fraction, optional zone. */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(-?(?:[1-9][0-9]{4,}|[0-9]{4}))-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
              + "(?:\\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})?");

  private XsdLexical() {}

  /**
   * Whitespace facet "collapse": runs of XML whitespace (space, tab, CR, LF) become one space,
   * leading and trailing ones are removed. Other Unicode spaces are content.
   */
  public static String collapse(String s) {
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
  public static Optional<Boolean> xsBoolean(String lexical) {
    if (lexical == null) {
      return Optional.empty();
    }
    return switch (collapse(lexical)) {
      case "true", "1" -> Optional.of(true);
      case "false", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /**
   * xs:dateTime as an instant: {@code Z} or an offset up to ±14:00 (converted), any number of
   * fraction digits (kept to nanoseconds), {@code 24:00:00} (the next day's first instant),
   * whitespace collapsed. A value without zone is, per XML Schema, in an unspecified zone; the
   * caller says which one its standard means ({@code unspecified}).
   */
  public static Optional<Instant> xsDateTime(String lexical, ZoneId unspecified) {
    Matcher m = lexical == null ? null : DATE_TIME.matcher(collapse(lexical));
    if (m == null || !m.matches()) {
      return Optional.empty();
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
          return Optional.empty();
        }
        local = date.plusDays(1).atStartOfDay();
      } else {
        int nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
        local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
      }
      String zone = m.group(8);
      if (zone == null) {
        return Optional.of(local.atZone(unspecified).toInstant());
      }
      if (zone.equals("Z")) {
        return Optional.of(local.toInstant(ZoneOffset.UTC));
      }
      int hours = Integer.parseInt(zone.substring(1, 3));
      int minutes = Integer.parseInt(zone.substring(4, 6));
      if (hours > 14 || minutes > 59 || (hours == 14 && minutes != 0)) {
        return Optional.empty();
      }
      int sign = zone.charAt(0) == '-' ? -1 : 1;
      return Optional.of(local.toInstant(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
