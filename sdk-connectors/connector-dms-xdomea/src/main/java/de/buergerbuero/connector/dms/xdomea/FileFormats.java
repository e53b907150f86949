package de.buergerbuero.connector.dms.xdomea;

import java.util.Locale;
import java.util.Map;

/** File extensions → xdomea code list "Dateiformat" 1.0; anything else is 100 (Sonstiges). */
final class FileFormats {
  static final String OTHER = "100";
  private static final Map<String, String> CODES =
      Map.ofEntries(
          Map.entry("jpe", "009"),
          Map.entry("jpeg", "010"),
          Map.entry("jpg", "011"),
          Map.entry("pdf", "018"),
          Map.entry("png", "019"),
          Map.entry("tif", "023"),
          Map.entry("tiff", "024"),
          Map.entry("xml", "030"),
          Map.entry("docx", "035"),
          Map.entry("xlsx", "036"),
          Map.entry("txt", "045"));

  private FileFormats() {}

  /** The lower-case extension of a file name without the dot, or "bin". */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return ext.matches("[a-z0-9]{1,8}") ? ext : "bin";
  }

  static String code(String extension) {
    return CODES.getOrDefault(extension, OTHER);
  }
}
