package de.buergerbuero.indoor.model;

import java.util.Objects;

/**
 * A walkable connection between two nodes, usable in both directions.
 *
 * @param length horizontal length in metres (0 for a lift ride)
 * @param width clear width in metres if known
 * @param wheelchair {@code false} where tagged not passable by wheelchair ({@code wheelchair=no})
 */
public record Edge(
    String from, String to, EdgeKind kind, double length, Double width, boolean wheelchair) {
  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    if (length < 0 || Double.isNaN(length)) {
      throw new IllegalArgumentException("negative length " + from + "–" + to);
    }
  }
}
