package de.buergerbuero.applications.intake;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads {@code name} and {@code filename} of a multipart part's {@code Content-Disposition} header
 * ourselves. Browsers send file names as raw UTF-8; the JAX-RS runtime of Liberty decodes header
 * bytes as ISO-8859-1 and then mixes up {@code name} and {@code filename} for non-ASCII names.
 * {@code filename*} (RFC 6266 / RFC 8187) is preferred when present.
 *
 * @param name the form field name, or null
 * @param fileName the file name, or null
 */
public record ContentDisposition(String name, String fileName) {

  public static ContentDisposition parse(String header) {
    if (header == null) {
      return new ContentDisposition(null, null);
    }
    String name = null;
    String fileName = null;
    String extended = null;
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      int start = i + 1;
      int eq = header.indexOf('=', start);
      if (eq < 0) {
        break;
      }
      String key = header.substring(start, eq).strip().toLowerCase(Locale.ROOT);
      String value;
      int next;
      int v = eq + 1;
      while (v < header.length() && header.charAt(v) == ' ') {
        v++;
      }
      if (v < header.length() && header.charAt(v) == '"') {
        StringBuilder sb = new StringBuilder();
        int j = v + 1;
        for (; j < header.length() && header.charAt(j) != '"'; j++) {
          char c = header.charAt(j);
          if (c == '\\' && j + 1 < header.length()) {
            c = header.charAt(++j);
          }
          sb.append(c);
        }
        value = sb.toString();
        next = header.indexOf(';', j);
      } else {
        next = header.indexOf(';', v);
        value = (next < 0 ? header.substring(v) : header.substring(v, next)).strip();
      }
      switch (key) {
        case "name" -> name = repairUtf8(value);
        case "filename" -> fileName = repairUtf8(value);
        case "filename*" -> extended = decodeExtended(value);
        default -> {}
      }
      i = next;
    }
    return new ContentDisposition(name, extended != null ? extended : fileName);
  }

  /** {@code UTF-8''Foto%20K%C3%BCche.jpg} → {@code Foto Küche.jpg}; null if not UTF-8. */
  private static String decodeExtended(String value) {
    int quote = value.indexOf("''");
    if (quote < 0 || !value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
      return null;
    }
    try {
      return URLDecoder.decode(
          value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Header text decoded as ISO-8859-1 that really was UTF-8 is decoded again; else unchanged. */
  static String repairUtf8(String value) {
    for (int k = 0; k < value.length(); k++) {
      if (value.charAt(k) > 0xFF) {
        return value; // already decoded properly
      }
    }
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return value;
    }
  }
}
