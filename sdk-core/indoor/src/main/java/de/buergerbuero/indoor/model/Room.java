package de.buergerbuero.indoor.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A room people are sent to.
 *
 * @param id stable id used in links ({@code /r/{id}}): letters, digits, {@code . _ -}
 * @param number the room number on the door sign, e.g. "2.14"
 * @param name e.g. "Bürgerbüro"
 * @param department the organisational unit in the room, e.g. "buergeramt" (may be null)
 * @param occupant who sits there, e.g. "Team Meldewesen" (may be null; never personal data unless
 *     the town publishes it)
 * @param node the network node in front of its door, where routes end
 */
public record Room(
    String id,
    String number,
    String name,
    int level,
    String department,
    String occupant,
    String node,
    double x,
    double y) {
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public Room {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("room id not link-safe: " + id);
    }
    Objects.requireNonNull(node, "node");
    if (name == null || name.isBlank()) {
      name = number == null ? id : "Raum " + number;
    }
  }

  /** "Raum 2.14 – Bürgerbüro" */
  public String label() {
    return number == null || number.equals(name) ? name : "Raum " + number + " – " + name;
  }

  /** "room 2.14 – Bürgerbüro" (names stay German: they are on the signs) */
  public String labelEn() {
    return number == null || number.equals(name) ? name : "room " + number + " – " + name;
  }
}
