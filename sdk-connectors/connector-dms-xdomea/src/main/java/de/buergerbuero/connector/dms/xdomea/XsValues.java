package de.buergerbuero.connector.dms.xdomea;

import de.buergerbuero.kernel.error.MalformedRequestException;
import de.buergerbuero.kernel.xml.XsdLexical;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The lexical spaces of the XML Schema types the reply reader reads, exactly as XML Schema Part 2
 * defines them (not as Java's parsers happen to): a DMS may write any valid form.
 */
final class XsValues {
  /** xdomea stringUUIDType (a pattern on xs:string, so no whitespace is allowed around it). */
  private static final Pattern UUID_PATTERN =
      Pattern.compile(
          "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

  private XsValues() {}

  static String collapse(String s) {
    return XsdLexical.collapse(s);
  }

  /** xs:boolean: {@code true}, {@code false}, {@code 1}, {@code 0}, whitespace collapsed. */
  static boolean xsBoolean(String lexical, String element) {
    return XsdLexical.xsBoolean(lexical)
        .orElseThrow(
            () ->
                new MalformedRequestException(
                    element
                        + " is not an xs:boolean (true, false, 1 or 0): "
                        + printable(lexical)));
  }

  /**
   * xs:dateTime as an instant. A value without a time zone is, per XML Schema, in an unspecified
   * zone; it is read in {@code unspecified} (the sender's local time).
   */
  static Instant xsDateTime(String lexical, ZoneId unspecified, String element) {
    return XsdLexical.xsDateTime(lexical, unspecified)
        .orElseThrow(
            () ->
                new MalformedRequestException(
                    element + " is not an xs:dateTime: " + printable(lexical)));
  }

  /** xdomea stringUUIDType; surrounding XML whitespace is tolerated. */
  static UUID uuid(String lexical, String element) {
    String s = collapse(lexical);
    if (!UUID_PATTERN.matcher(s).matches()) {
      throw new MalformedRequestException(element + " is not a UUID: " + printable(lexical));
    }
    return UUID.fromString(s);
  }

  static String printable(String s) {
    String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
