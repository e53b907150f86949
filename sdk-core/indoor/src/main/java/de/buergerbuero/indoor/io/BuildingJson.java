package de.buergerbuero.indoor.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.buergerbuero.indoor.IndoorError;
import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.Edge;
import de.buergerbuero.indoor.model.EdgeKind;
import de.buergerbuero.indoor.model.Node;
import de.buergerbuero.indoor.model.NodeKind;
import de.buergerbuero.indoor.model.Room;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SDK's own building format (documented in {@code docs/indoor-format.md}) and the GeoJSON
 * export. Edge lengths default to the straight line between their nodes and are never shorter (the
 * router's A* relies on that).
 */
public final class BuildingJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(16)
                .maxDocumentLength(50L << 20)
                .build());
    JSON.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private BuildingJson() {}

  public static Building read(InputStream json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw IndoorError.BUILDING_FILE_REJECTED.with(
          "Gebäude-JSON nicht lesbar: " + e.getClass().getSimpleName(), e);
    }
    try {
      return building(root);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw IndoorError.BUILDING_INVALID.with("Gebäude-JSON ungültig: " + e.getMessage(), e);
    }
  }

  private static Building building(JsonNode root) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (JsonNode n : root.path("nodes")) {
      Node node =
          new Node(
              text(n, "id"),
              n.path("level").asInt(0),
              number(n, "x"),
              number(n, "y"),
              NodeKind.valueOf(n.path("kind").asText("WAYPOINT").toUpperCase(Locale.ROOT)),
              n.hasNonNull("name") ? n.get("name").asText() : null,
              n.hasNonNull("width") ? n.get("width").asDouble() : null,
              n.path("wheelchair").asBoolean(true));
      if (nodes.put(node.id(), node) != null) {
        throw new IllegalArgumentException("node " + node.id() + " twice");
      }
    }
    List<Edge> edges = new ArrayList<>();
    for (JsonNode e : root.path("edges")) {
      Node from = nodes.get(text(e, "from"));
      Node to = nodes.get(text(e, "to"));
      if (from == null || to == null) {
        throw new IllegalArgumentException("edge " + e + " names an unknown node");
      }
      EdgeKind kind = EdgeKind.valueOf(e.path("kind").asText("WALK").toUpperCase(Locale.ROOT));
      double straight = kind == EdgeKind.LIFT ? 0 : from.distanceTo(to);
      double length = Math.max(straight, e.path("length").asDouble(straight));
      edges.add(
          new Edge(
              from.id(),
              to.id(),
              kind,
              length,
              e.hasNonNull("width") ? e.get("width").asDouble() : null,
              e.path("wheelchair").asBoolean(true)));
    }
    Map<String, Room> rooms = new LinkedHashMap<>();
    for (JsonNode r : root.path("rooms")) {
      Room room =
          new Room(
              text(r, "id"),
              r.hasNonNull("number") ? r.get("number").asText() : null,
              r.hasNonNull("name") ? r.get("name").asText() : null,
              r.path("level").asInt(0),
              r.hasNonNull("department") ? r.get("department").asText() : null,
              r.hasNonNull("occupant") ? r.get("occupant").asText() : null,
              text(r, "node"),
              r.path("x").asDouble(),
              r.path("y").asDouble());
      if (rooms.put(room.id(), room) != null) {
        throw new IllegalArgumentException("room " + room.id() + " twice");
      }
    }
    List<String> entrances = new ArrayList<>();
    root.path("entrances").forEach(e -> entrances.add(e.asText()));
    JsonNode origin = root.path("origin");
    return new Building(
        text(root, "id"),
        root.path("name").asText(null),
        origin.path("lat").asDouble(0),
        origin.path("lon").asDouble(0),
        nodes,
        edges,
        rooms,
        entrances);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("'" + field + "' missing in " + abbreviated(node));
    }
    return value.asText();
  }

  private static double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("'" + field + "' is not a number in " + abbreviated(node));
    }
    return value.asDouble();
  }

  private static String abbreviated(JsonNode node) {
    String s = node.toString();
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** The building in the SDK format (round trip with {@link #read}). */
  public static ObjectNode write(Building b) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", b.id()).put("name", b.name());
    root.putObject("origin").put("lat", b.originLat()).put("lon", b.originLon());
    ArrayNode nodes = root.putArray("nodes");
    for (Node n : b.nodes().values()) {
      ObjectNode o =
          nodes
              .addObject()
              .put("id", n.id())
              .put("level", n.level())
              .put("x", round(n.x()))
              .put("y", round(n.y()))
              .put("kind", n.kind().name());
      if (n.name() != null) {
        o.put("name", n.name());
      }
      if (n.width() != null) {
        o.put("width", n.width());
      }
      if (!n.wheelchair()) {
        o.put("wheelchair", false);
      }
    }
    ArrayNode edges = root.putArray("edges");
    for (Edge e : b.edges()) {
      ObjectNode o =
          edges
              .addObject()
              .put("from", e.from())
              .put("to", e.to())
              .put("kind", e.kind().name())
              .put("length", round(e.length()));
      if (e.width() != null) {
        o.put("width", e.width());
      }
      if (!e.wheelchair()) {
        o.put("wheelchair", false);
      }
    }
    ArrayNode rooms = root.putArray("rooms");
    for (Room r : b.rooms().values()) {
      rooms
          .addObject()
          .put("id", r.id())
          .put("number", r.number())
          .put("name", r.name())
          .put("level", r.level())
          .put("department", r.department())
          .put("occupant", r.occupant())
          .put("node", r.node())
          .put("x", round(r.x()))
          .put("y", round(r.y()));
    }
    ArrayNode entrances = root.putArray("entrances");
    b.entrances().forEach(entrances::add);
    return root;
  }

  /**
   * GeoJSON (RFC 7946, WGS84): rooms and entrances as points, the walkable network as line strings,
   * each with {@code level} and its kind in the properties.
   */
  public static ObjectNode geoJson(Building b) {
    ObjectNode root = JSON.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = root.putArray("features");
    for (Room r : b.rooms().values()) {
      ObjectNode f = point(features, b, r.x(), r.y());
      f.with("properties")
          .put("feature", "room")
          .put("id", r.id())
          .put("number", r.number())
          .put("name", r.name())
          .put("level", r.level())
          .put("department", r.department());
    }
    for (String id : b.entrances()) {
      Node n = b.nodes().get(id);
      ObjectNode f = point(features, b, n.x(), n.y());
      f.with("properties")
          .put("feature", "entrance")
          .put("id", id)
          .put("name", n.name())
          .put("level", n.level());
    }
    for (Edge e : b.edges()) {
      Node from = b.nodes().get(e.from());
      Node to = b.nodes().get(e.to());
      ObjectNode f = features.addObject().put("type", "Feature");
      ObjectNode geometry = f.putObject("geometry").put("type", "LineString");
      ArrayNode coordinates = geometry.putArray("coordinates");
      coordinates.addArray().add(round7(b.lon(from.x()))).add(round7(b.lat(from.y())));
      coordinates.addArray().add(round7(b.lon(to.x()))).add(round7(b.lat(to.y())));
      f.putObject("properties")
          .put("feature", "way")
          .put("kind", e.kind().name().toLowerCase(Locale.ROOT))
          .put("level", from.level())
          .put("toLevel", to.level());
    }
    return root;
  }

  private static ObjectNode point(ArrayNode features, Building b, double x, double y) {
    ObjectNode f = features.addObject().put("type", "Feature");
    f.putObject("geometry")
        .put("type", "Point")
        .putArray("coordinates")
        .add(round7(b.lon(x)))
        .add(round7(b.lat(y)));
    f.putObject("properties");
    return f;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round7(double v) {
    return Math.round(v * 1e7) / 1e7;
  }
}
