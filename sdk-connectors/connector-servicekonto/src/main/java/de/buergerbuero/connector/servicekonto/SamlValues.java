package de.buergerbuero.connector.servicekonto;

import de.buergerbuero.kernel.xml.XsdLexical;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * SAML values in the lexical spaces XML Schema gives their types, so that any form an IdP may
 * validly write is read (not only the one {@link Instant#parse} or {@link Boolean#parseBoolean}
 * knows).
 */
final class SamlValues {
  private SamlValues() {}

  /** Whitespace facet "collapse" (XML whitespace only: space, tab, CR, LF). */
  static String collapse(String s) {
    return XsdLexical.collapse(s);
  }

  /** xs:boolean ({@code true}, {@code false}, {@code 1}, {@code 0}); {@code absent} when null. */
  static boolean xsBoolean(String lexical, boolean absent, String what) {
    if (lexical == null) {
      return absent;
    }
    return XsdLexical.xsBoolean(lexical)
        .orElseThrow(
            () ->
                new SamlException(
                    SamlException.Reason.METADATA,
                    what + " is not an xs:boolean (true, false, 1 or 0): " + printable(lexical)));
  }

  /**
   * A SAML time value (SAML core §1.3.3: xs:dateTime in UTC). Read in the whole xs:dateTime lexical
   * space: {@code Z} or an explicit offset (converted), any number of fraction digits (kept to
   * nanoseconds), {@code 24:00:00}, surrounding whitespace; a value without zone is UTC, as §1.3.3
   * requires of the sender.
   */
  static Instant instant(String lexical, String what) {
    return XsdLexical.xsDateTime(lexical, ZoneOffset.UTC).orElseThrow(() -> notTime(lexical, what));
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
