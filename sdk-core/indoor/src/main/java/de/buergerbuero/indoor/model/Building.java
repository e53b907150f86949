package de.buergerbuero.indoor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A building: its walkable network (nodes and edges on levels), its rooms and its entrances.
 * Coordinates are metres relative to {@code origin} (WGS84), which GeoJSON export needs.
 */
public final class Building {
  private final String id;
  private final String name;
  private final double originLat;
  private final double originLon;
  private final Map<String, Node> nodes;
  private final List<Edge> edges;
  private final Map<String, Room> rooms;
  private final List<String> entrances;

  public Building(
      String id,
      String name,
      double originLat,
      double originLon,
      Map<String, Node> nodes,
      List<Edge> edges,
      Map<String, Room> rooms,
      List<String> entrances) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = name == null ? id : name;
    this.originLat = originLat;
    this.originLon = originLon;
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    this.edges = List.copyOf(edges);
    this.rooms = Collections.unmodifiableMap(new LinkedHashMap<>(rooms));
    this.entrances = List.copyOf(entrances);
    List<String> problems = new ArrayList<>();
    for (Edge e : this.edges) {
      if (!nodes.containsKey(e.from()) || !nodes.containsKey(e.to())) {
        problems.add("edge " + e.from() + "–" + e.to() + " names an unknown node");
      }
    }
    for (Room r : this.rooms.values()) {
      if (!nodes.containsKey(r.node())) {
        problems.add("room " + r.id() + " names unknown node " + r.node());
      }
    }
    for (String entrance : this.entrances) {
      if (!nodes.containsKey(entrance)) {
        problems.add("entrance " + entrance + " is not a node");
      }
    }
    if (this.entrances.isEmpty()) {
      problems.add("no entrance");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "Building "
              + id
              + ": "
              + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public double originLat() {
    return originLat;
  }

  public double originLon() {
    return originLon;
  }

  public Map<String, Node> nodes() {
    return nodes;
  }

  public List<Edge> edges() {
    return edges;
  }

  public Map<String, Room> rooms() {
    return rooms;
  }

  /** Entrance node ids; the first is the main entrance. */
  public List<String> entrances() {
    return entrances;
  }

  public String mainEntrance() {
    return entrances.get(0);
  }

  public List<Level> levels() {
    TreeSet<Integer> ordinals = new TreeSet<>();
    nodes.values().forEach(n -> ordinals.add(n.level()));
    return ordinals.stream().map(Level::new).toList();
  }

  /** WGS84 longitude of a local x (metres east of the origin). */
  public double lon(double x) {
    return originLon + x / (111_320.0 * Math.cos(Math.toRadians(originLat)));
  }

  /** WGS84 latitude of a local y (metres north of the origin). */
  public double lat(double y) {
    return originLat + y / 110_540.0;
  }
}
