package de.buergerbuero.indoor.model;

import java.util.Objects;

/**
 * A point of the walkable network, on one level, in metres east ({@code x}) and north ({@code y})
 * of the building's origin.
 *
 * @param name optional, e.g. "Haupteingang" for an entrance
 * @param width clear width in metres where it matters (doors), else {@code null}
 * @param wheelchair {@code false} where explicitly tagged not passable by wheelchair
 */
public record Node(
    String id,
    int level,
    double x,
    double y,
    NodeKind kind,
    String name,
    Double width,
    boolean wheelchair) {
  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
  }

  public double distanceTo(Node other) {
    return Math.hypot(x - other.x, y - other.y);
  }
}
