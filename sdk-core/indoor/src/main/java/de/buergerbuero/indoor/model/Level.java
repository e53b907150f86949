package de.buergerbuero.indoor.model;

import de.buergerbuero.kernel.model.LocalizedText;

/**
 * A storey. {@code ordinal} follows OSM's {@code level}: 0 ground floor, 1 first floor above, -1
 * first basement.
 */
public record Level(int ordinal) implements Comparable<Level> {

  /** "Erdgeschoss (EG)" / "ground floor", "2. Obergeschoss (2. OG)" / "2nd floor", … */
  public LocalizedText name() {
    if (ordinal == 0) {
      return LocalizedText.of("Erdgeschoss (EG)", "ground floor");
    }
    if (ordinal > 0) {
      return LocalizedText.of(ordinal + ". Obergeschoss (" + ordinal + ". OG)", english(ordinal));
    }
    int below = -ordinal;
    return LocalizedText.of(
        (below == 1 ? "" : below + ". ")
            + "Untergeschoss ("
            + (below == 1 ? "" : below + ". ")
            + "UG)",
        (below == 1 ? "" : english(below) + " ") + "basement");
  }

  /** The short German form used in sentences: "EG", "2. OG", "UG". */
  public String shortDe() {
    if (ordinal == 0) {
      return "EG";
    }
    return ordinal > 0 ? ordinal + ". OG" : (ordinal == -1 ? "UG" : -ordinal + ". UG");
  }

  private static String english(int n) {
    String suffix =
        (n % 100 >= 11 && n % 100 <= 13)
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix + " floor";
  }

  @Override
  public int compareTo(Level other) {
    return Integer.compare(ordinal, other.ordinal);
  }
}
