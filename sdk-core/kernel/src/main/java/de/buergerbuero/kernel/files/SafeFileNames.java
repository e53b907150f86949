package de.buergerbuero.kernel.files;

import de.buergerbuero.kernel.error.ErrorCode;
import de.buergerbuero.kernel.error.FieldError;
import de.buergerbuero.kernel.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

/**
 * Checks names of uploaded or filed documents. A safe name is a single path component: no
 * separators, no {@code .}/{@code ..}, no control or invisible characters, no characters Windows
 * file systems refuse, at most 255 bytes in UTF-8. Umlauts and other letters are fine.
 */
public final class SafeFileNames {
  private static final int MAX_BYTES = 255;
  private static final String FORBIDDEN = "/\\:*?\"<>|";

  private SafeFileNames() {}

  /** Returns why {@code name} is unsafe, or {@code null} when it is safe. */
  public static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "Der Dateiname fehlt.";
    }
    if (name.isBlank() || name.equals(".") || name.equals("..")) {
      return "Der Dateiname ist ungültig.";
    }
    if (name.contains("..")) {
      return "Der Dateiname darf keine Pfadangaben („..“) enthalten.";
    }
    if (name.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) {
      return "Der Dateiname ist kein gültiger Unicode-Text.";
    }
    if (name.codePoints().anyMatch(SafeFileNames::invisible)) {
      return "Der Dateiname enthält unsichtbare Zeichen (z. B. Schreibrichtungswechsel).";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return "Der Dateiname enthält Steuerzeichen.";
      }
      if (FORBIDDEN.indexOf(c) >= 0) {
        return "Der Dateiname enthält unzulässige Zeichen (/ \\ : * ? \" < > |).";
      }
    }
    if (name.startsWith(" ") || name.endsWith(" ") || name.endsWith(".")) {
      return "Der Dateiname darf nicht mit Leerzeichen oder Punkt enden oder beginnen.";
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "Der Dateiname ist länger als 255 Byte.";
    }
    return null;
  }

  /**
   * Format characters (bidi overrides and isolates such as U+202E, zero-width spaces and joiners,
   * the byte order mark, soft hyphens), private-use and unassigned code points: they make a name
   * look different from what it is ({@code rechnung\u202Efdp.exe} shows as {@code
   * rechnungexe.pdf}), so they are refused rather than silently dropped.
   */
  private static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /**
   * Returns the NFC-normalised name, or throws an {@link InvalidInputException} with {@code code}
   * naming {@code field}.
   */
  public static String requireSafe(String name, ErrorCode code, String field) {
    String problem = problem(name);
    if (problem != null) {
      throw new InvalidInputException(code, problem, List.of(new FieldError(field, problem)));
    }
    return Normalizer.normalize(name, Normalizer.Form.NFC);
  }
}
