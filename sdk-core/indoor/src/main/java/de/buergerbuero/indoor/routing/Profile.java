package de.buergerbuero.indoor.routing;

import de.buergerbuero.indoor.IndoorError;
import de.buergerbuero.indoor.model.Edge;
import de.buergerbuero.indoor.model.EdgeKind;
import de.buergerbuero.indoor.model.Node;
import java.util.Locale;

/** Who walks: decides which connections are usable and what they cost (in seconds). */
public enum Profile {
  /** everyone on foot: shortest time, stairs welcome */
  DEFAULT(1.2),
  /**
   * wheelchair users: no stairs or escalators, no door or passage narrower than 0.90 m (DIN 18040),
   * nothing tagged {@code wheelchair=no}
   */
  WHEELCHAIR(0.9),
  /**
   * people who prefer the lift (pushchairs, luggage, walking aids): stairs only as a last resort
   */
  AVOID_STAIRS(1.1);

  /** Minimum clear width for wheelchairs, metres (DIN 18040-1: 0.90 m). */
  public static final double MIN_WHEELCHAIR_WIDTH = 0.90;

  private static final double SECONDS_PER_CLIMBED_LEVEL = 10;
  private static final double LIFT_WAIT_SECONDS = 30;
  private static final double LIFT_SECONDS_PER_LEVEL = 4;

  private final double speed;

  Profile(double metresPerSecond) {
    this.speed = metresPerSecond;
  }

  /** Walking speed in m/s; the A* heuristic divides straight-line distance by it. */
  public double speed() {
    return speed;
  }

  /** "default", "wheelchair", "avoid-stairs" (the names in URLs). */
  public String urlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Profile fromUrl(String name) {
    if (name == null || name.isBlank()) {
      return DEFAULT;
    }
    for (Profile p : values()) {
      if (p.urlName().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw IndoorError.UNKNOWN_PROFILE.with(
        "Unbekanntes Profil '" + name + "'; erlaubt: default, wheelchair, avoid-stairs");
  }

  /**
   * A lower bound of the seconds needed between two nodes (the A* heuristic): the straight
   * horizontal line at walking speed plus the cheapest way to change {@code levels} levels (lift or
   * stairs, whichever this profile can and would take).
   */
  public double lowerBoundSeconds(Node from, Node to) {
    double seconds = from.distanceTo(to) / speed;
    int levels = Math.abs(from.level() - to.level());
    if (levels > 0) {
      double lift = LIFT_WAIT_SECONDS + LIFT_SECONDS_PER_LEVEL * levels;
      double climb = SECONDS_PER_CLIMBED_LEVEL * levels;
      double stairs = this == AVOID_STAIRS ? climb * 10 + 120 : climb;
      seconds += this == WHEELCHAIR ? lift : Math.min(lift, stairs);
    }
    return seconds;
  }

  /** Whether this profile may use the edge between these nodes. */
  public boolean allows(Edge edge, Node from, Node to) {
    if (this != WHEELCHAIR) {
      return true;
    }
    return !edge.kind().isClimb()
        && edge.wheelchair()
        && from.wheelchair()
        && to.wheelchair()
        && wideEnough(edge.width())
        && wideEnough(from.width())
        && wideEnough(to.width());
  }

  private static boolean wideEnough(Double width) {
    return width == null || width >= MIN_WHEELCHAIR_WIDTH;
  }

  /** Seconds to go along the edge from {@code from} to {@code to}. */
  public double seconds(Edge edge, Node from, Node to) {
    int levels = Math.abs(to.level() - from.level());
    double horizontal = edge.length() / speed;
    return switch (edge.kind()) {
      case WALK -> horizontal;
      case RAMP -> horizontal * 1.25;
      case LIFT -> LIFT_WAIT_SECONDS + LIFT_SECONDS_PER_LEVEL * levels;
      case STEPS, ESCALATOR -> {
        double climb = horizontal + SECONDS_PER_CLIMBED_LEVEL * levels;
        yield this == AVOID_STAIRS ? climb * 10 + 120 : climb;
      }
    };
  }

  static boolean changesLevel(EdgeKind kind) {
    return kind == EdgeKind.LIFT || kind.isClimb();
  }
}
