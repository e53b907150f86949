package de.buergerbuero.kernel.model;

import de.buergerbuero.kernel.error.InvalidInputException;
import java.util.Locale;

/**
 * Assurance level of a login. Ordered from weakest to strongest, so {@link #compareTo} and {@link
 * #satisfies} express "at least". STORK-QAA levels 1–4 (as BundID sends them in {@code
 * AuthnContextClassRef}) map to the eIDAS levels none/low/substantial/high.
 */
public enum TrustLevel {
  /** STORK-QAA-Level-1, eIDAS none: user name and password without verified identity. */
  NORMAL(1, "none"),
  /** STORK-QAA-Level-2, eIDAS low. */
  LOW(2, "low"),
  /** STORK-QAA-Level-3, eIDAS substantial (e.g. ELSTER certificate). */
  SUBSTANTIAL(3, "substantial"),
  /** STORK-QAA-Level-4, eIDAS high (online ID card, eID). */
  HIGH(4, "high");

  private static final String STORK_PREFIX = "STORK-QAA-Level-";

  private final int storkQaaLevel;
  private final String eidasLevel;

  TrustLevel(int storkQaaLevel, String eidasLevel) {
    this.storkQaaLevel = storkQaaLevel;
    this.eidasLevel = eidasLevel;
  }

  public int storkQaaLevel() {
    return storkQaaLevel;
  }

  /** The {@code AuthnContextClassRef} value, e.g. {@code STORK-QAA-Level-3}. */
  public String storkQaaClassRef() {
    return STORK_PREFIX + storkQaaLevel;
  }

  public String eidasLevel() {
    return eidasLevel;
  }

  /** Whether a session at this level may use a service that requires {@code required}. */
  public boolean satisfies(TrustLevel required) {
    return compareTo(required) >= 0;
  }

  public static TrustLevel ofStorkQaaLevel(int level) {
    for (TrustLevel t : values()) {
      if (t.storkQaaLevel == level) {
        return t;
      }
    }
    throw InvalidInputException.field("trustLevel", "Unbekanntes STORK-QAA-Niveau: " + level);
  }

  /** Parses {@code STORK-QAA-Level-3} (also {@code 3}). */
  public static TrustLevel ofStorkQaaClassRef(String classRef) {
    String value = classRef == null ? "" : classRef.trim();
    if (value.startsWith(STORK_PREFIX)) {
      value = value.substring(STORK_PREFIX.length());
    }
    try {
      return ofStorkQaaLevel(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw InvalidInputException.field("trustLevel", "Unbekanntes STORK-QAA-Niveau: " + classRef);
    }
  }

  /** Parses an eIDAS level name ({@code low}, {@code substantial}, {@code high}, {@code none}). */
  public static TrustLevel ofEidasLevel(String eidas) {
    String value = eidas == null ? "" : eidas.trim().toLowerCase(Locale.ROOT);
    for (TrustLevel t : values()) {
      if (t.eidasLevel.equals(value)) {
        return t;
      }
    }
    throw InvalidInputException.field("trustLevel", "Unbekanntes eIDAS-Niveau: " + eidas);
  }
}
