package de.buergerbuero.kernel.model;

import de.buergerbuero.kernel.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Key of a service in the Leistungskatalog (LeiKa / FIM): exactly 14 digits.
 *
 * @param value the 14 digits
 */
public record LeikaKey(String value) {
  private static final Pattern DIGITS = Pattern.compile("\\d{14}");
  private static final String URN_PREFIX = "urn:de:fim:leika:leistung:";

  public LeikaKey {
    if (value == null || !DIGITS.matcher(value).matches()) {
      throw InvalidInputException.field("leikaKey", "Ein LeiKa-Schlüssel hat genau 14 Ziffern.");
    }
  }

  /** Accepts the plain 14 digits or the URN {@code urn:de:fim:leika:leistung:<14 digits>}. */
  public static LeikaKey parse(String text) {
    String v = text == null ? null : text.trim();
    if (v != null && v.startsWith(URN_PREFIX)) {
      v = v.substring(URN_PREFIX.length());
    }
    return new LeikaKey(v);
  }

  /** The service key as FIT-Connect names it. */
  public String urn() {
    return URN_PREFIX + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
