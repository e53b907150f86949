package de.buergerbuero.indoor.routing;

import de.buergerbuero.kernel.model.LocalizedText;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A route through the building.
 *
 * @param distanceMetres horizontal distance walked
 * @param durationSeconds estimated time for the profile, lift waits included
 * @param steps what to do, in German and English
 * @param path the nodes passed, for drawing the route
 */
@Schema(description = "A route between two rooms: length, path and German/English steps.")
public record Route(
    String buildingId,
    String from,
    String to,
    String profile,
    double distanceMetres,
    long durationSeconds,
    List<Step> steps,
    List<PathPoint> path) {

  /**
   * One instruction.
   *
   * @param kind start, walk, lift, stairs, ramp, arrive
   * @param level the level the step starts on
   * @param distanceMetres metres walked in this step (0 for lift rides)
   */
  @Schema(description = "One step of a route description in German and English.")
  public record Step(String kind, LocalizedText text, int level, double distanceMetres) {}

  /** A node of the path with its level and local coordinates (metres). */
  @Schema(description = "A point of a route: coordinates and level.")
  public record PathPoint(String node, int level, double x, double y) {}
}
