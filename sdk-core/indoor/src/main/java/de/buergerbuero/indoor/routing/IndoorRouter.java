package de.buergerbuero.indoor.routing;

import de.buergerbuero.indoor.IndoorError;
import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.Edge;
import de.buergerbuero.indoor.model.Node;
import de.buergerbuero.indoor.model.Room;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes through one building with A* over compact arrays: one compressed adjacency list (CSR) per
 * {@link Profile}, built once from the building model, so memory grows with nodes + edges (never
 * nodes²) and a search touches only primitive arrays. Thread-safe after construction: every request
 * runs its own search.
 */
public final class IndoorRouter {
  /** A directed use of an {@link Edge} with its cost for one profile. */
  static final class Leg {
    final Edge edge;
    final Node from;
    final Node to;
    final double seconds;

    Leg(Edge edge, Node from, Node to, double seconds) {
      this.edge = edge;
      this.from = from;
      this.to = to;
      this.seconds = seconds;
    }
  }

  /** The adjacency of one profile: the legs leaving node i are legs[offsets[i] .. offsets[i+1]). */
  private record Adjacency(int[] offsets, int[] targets, double[] seconds, Leg[] legs) {}

  private final Building building;
  private final Node[] nodes;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<Profile, Adjacency> graphs = new EnumMap<>(Profile.class);

  public IndoorRouter(Building building) {
    this.building = building;
    this.nodes = building.nodes().values().toArray(Node[]::new);
    for (int i = 0; i < nodes.length; i++) {
      index.put(nodes[i].id(), i);
    }
    for (Profile profile : Profile.values()) {
      graphs.put(profile, adjacency(profile));
    }
  }

  public Building building() {
    return building;
  }

  private Adjacency adjacency(Profile profile) {
    List<Leg> all = new ArrayList<>();
    for (Edge e : building.edges()) {
      Node a = building.nodes().get(e.from());
      Node b = building.nodes().get(e.to());
      if (a.id().equals(b.id()) || !profile.allows(e, a, b)) {
        continue;
      }
      all.add(new Leg(e, a, b, profile.seconds(e, a, b)));
      all.add(new Leg(e, b, a, profile.seconds(e, b, a)));
    }
    int[] offsets = new int[nodes.length + 1];
    for (Leg leg : all) {
      offsets[index.get(leg.from.id()) + 1]++;
    }
    for (int i = 0; i < nodes.length; i++) {
      offsets[i + 1] += offsets[i];
    }
    int[] fill = Arrays.copyOf(offsets, nodes.length);
    int[] targets = new int[all.size()];
    double[] seconds = new double[all.size()];
    Leg[] legs = new Leg[all.size()];
    for (Leg leg : all) {
      int slot = fill[index.get(leg.from.id())]++;
      targets[slot] = index.get(leg.to.id());
      seconds[slot] = leg.seconds;
      legs[slot] = leg;
    }
    return new Adjacency(offsets, targets, seconds, legs);
  }

  /** A* from start to goal; the legs of the quickest path, or null when there is none. */
  private List<Leg> search(Profile profile, int start, int goal) {
    Adjacency g = graphs.get(profile);
    double[] best = new double[nodes.length];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    int[] via = new int[nodes.length];
    boolean[] done = new boolean[nodes.length];
    Node target = nodes[goal];
    MinHeap open = new MinHeap();
    best[start] = 0;
    via[start] = -1;
    open.push(profile.lowerBoundSeconds(nodes[start], target), start);
    while (!open.isEmpty()) {
      int u = open.pop();
      if (done[u]) {
        continue;
      }
      if (u == goal) {
        break;
      }
      done[u] = true;
      for (int k = g.offsets()[u]; k < g.offsets()[u + 1]; k++) {
        int v = g.targets()[k];
        double cost = best[u] + g.seconds()[k];
        if (cost < best[v]) {
          best[v] = cost;
          via[v] = k;
          open.push(cost + profile.lowerBoundSeconds(nodes[v], target), v);
        }
      }
    }
    if (best[goal] == Double.POSITIVE_INFINITY) {
      return null;
    }
    List<Leg> path = new ArrayList<>();
    for (int v = goal; v != start; ) {
      Leg leg = g.legs()[via[v]];
      path.add(leg);
      v = index.get(leg.from.id());
    }
    Collections.reverse(path);
    return path;
  }

  /** A binary min-heap of (priority, node) on primitive arrays; stale entries are skipped. */
  private static final class MinHeap {
    private double[] keys = new double[64];
    private int[] values = new int[64];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    void push(double key, int value) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (keys[parent] <= key) {
          break;
        }
        keys[i] = keys[parent];
        values[i] = values[parent];
        i = parent;
      }
      keys[i] = key;
      values[i] = value;
    }

    int pop() {
      int top = values[0];
      double key = keys[--size];
      int value = values[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && keys[child + 1] < keys[child]) {
          child++;
        }
        if (key <= keys[child]) {
          break;
        }
        keys[i] = keys[child];
        values[i] = values[child];
        i = child;
      }
      keys[i] = key;
      values[i] = value;
      return top;
    }
  }

  /**
   * The route between two places, each a room id or a node id; {@code from == null} starts at the
   * main entrance.
   */
  public Route route(String from, String to, Profile profile) {
    String start = from == null || from.isBlank() ? building.mainEntrance() : nodeOf(from);
    String goal = nodeOf(to);
    List<Leg> legs;
    if (start.equals(goal)) {
      legs = List.of();
    } else {
      legs = search(profile, index.get(start), index.get(goal));
      if (legs == null) {
        throw IndoorError.NO_ROUTE.with(
            "Kein Weg von "
                + place(from, start)
                + " nach "
                + place(to, goal)
                + " mit dem Profil "
                + profile.urlName()
                + ".");
      }
    }
    Room target = building.rooms().get(to);
    Room origin = from == null ? null : building.rooms().get(from);
    List<Route.Step> steps = RouteDescription.describe(building, start, legs, origin, target);
    double distance = legs.stream().mapToDouble(l -> l.edge.length()).sum();
    double seconds = legs.stream().mapToDouble(l -> l.seconds).sum();
    List<Route.PathPoint> points = new ArrayList<>();
    Node first = building.nodes().get(start);
    points.add(new Route.PathPoint(first.id(), first.level(), first.x(), first.y()));
    for (Leg l : legs) {
      points.add(new Route.PathPoint(l.to.id(), l.to.level(), l.to.x(), l.to.y()));
    }
    return new Route(
        building.id(),
        from == null || from.isBlank() ? start : from,
        to,
        profile.urlName(),
        Math.round(distance * 10) / 10.0,
        Math.round(seconds),
        steps,
        points);
  }

  private String place(String asked, String node) {
    return asked == null || asked.isBlank() ? "dem Eingang" : asked;
  }

  /** A room id becomes the node in front of its door; a node id stays. */
  private String nodeOf(String place) {
    if (place == null || place.isBlank()) {
      throw IndoorError.UNKNOWN_PLACE.with("Ziel fehlt.");
    }
    Room room = building.rooms().get(place);
    if (room != null) {
      return room.node();
    }
    if (building.nodes().containsKey(place)) {
      return place;
    }
    throw IndoorError.UNKNOWN_PLACE.with(
        "Unbekannter Raum oder Ort: " + place.substring(0, Math.min(place.length(), 64)));
  }

  /** Nodes + directed legs of the default profile's graph (for the memory benchmark). */
  public int graphSize() {
    return nodes.length + graphs.get(Profile.DEFAULT).targets().length;
  }
}
