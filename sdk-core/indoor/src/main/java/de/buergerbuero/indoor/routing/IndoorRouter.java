package de.buergerbuero.indoor.routing;

import de.buergerbuero.indoor.IndoorError;
import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.Edge;
import de.buergerbuero.indoor.model.Node;
import de.buergerbuero.indoor.model.Room;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.AStarShortestPath;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * Routes through one building with A* (JGraphT), one weighted graph per {@link Profile} built once
 * from the building model: memory grows with nodes + edges (adjacency lists), never with nodes².
 * Thread-safe after construction: every request runs its own search.
 */
public final class IndoorRouter {
  /** A directed use of an {@link Edge}; identity-based, as JGraphT expects of edge objects. */
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

  private final Building building;
  private final Map<Profile, Graph<String, Leg>> graphs = new EnumMap<>(Profile.class);

  public IndoorRouter(Building building) {
    this.building = building;
    for (Profile profile : Profile.values()) {
      graphs.put(profile, graph(profile));
    }
  }

  public Building building() {
    return building;
  }

  private Graph<String, Leg> graph(Profile profile) {
    Graph<String, Leg> g =
        GraphTypeBuilder.<String, Leg>directed()
            .allowingMultipleEdges(true)
            .allowingSelfLoops(false)
            .weighted(true)
            .buildGraph();
    building.nodes().keySet().forEach(g::addVertex);
    for (Edge e : building.edges()) {
      Node a = building.nodes().get(e.from());
      Node b = building.nodes().get(e.to());
      if (a.id().equals(b.id()) || !profile.allows(e, a, b)) {
        continue;
      }
      add(g, new Leg(e, a, b, profile.seconds(e, a, b)));
      add(g, new Leg(e, b, a, profile.seconds(e, b, a)));
    }
    return g;
  }

  private static void add(Graph<String, Leg> g, Leg leg) {
    g.addEdge(leg.from.id(), leg.to.id(), leg);
    g.setEdgeWeight(leg, leg.seconds);
  }

  /**
   * The route between two places, each a room id or a node id; {@code from == null} starts at the
   * main entrance.
   */
  public Route route(String from, String to, Profile profile) {
    String start = from == null || from.isBlank() ? building.mainEntrance() : nodeOf(from);
    String goal = nodeOf(to);
    Graph<String, Leg> g = graphs.get(profile);
    GraphPath<String, Leg> path;
    if (start.equals(goal)) {
      path = null;
    } else {
      double speed = profile.speed();
      AStarShortestPath<String, Leg> astar =
          new AStarShortestPath<>(
              g, (s, t) -> building.nodes().get(s).distanceTo(building.nodes().get(t)) / speed);
      path = astar.getPath(start, goal);
      if (path == null) {
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
    List<Leg> legs = path == null ? List.of() : path.getEdgeList();
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

  /** Vertices + edges of the default profile's graph (for the memory benchmark). */
  public int graphSize() {
    Graph<String, Leg> g = graphs.get(Profile.DEFAULT);
    return g.vertexSet().size() + g.edgeSet().size();
  }
}
