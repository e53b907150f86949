package de.buergerbuero.kernel.model;

import de.buergerbuero.kernel.error.InvalidInputException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A text in German (required, the authoritative language of the administration) and English
 * (optional; falls back to German).
 */
@Schema(description = "A text in German (required) and English (optional).")
public record LocalizedText(String de, String en) {
  public LocalizedText {
    if (de == null || de.isBlank()) {
      throw InvalidInputException.field("de", "Der deutsche Text fehlt.");
    }
    if (en == null || en.isBlank()) {
      en = de;
    }
  }

  public static LocalizedText of(String de, String en) {
    return new LocalizedText(de, en);
  }

  public String in(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? en : de;
  }
}
