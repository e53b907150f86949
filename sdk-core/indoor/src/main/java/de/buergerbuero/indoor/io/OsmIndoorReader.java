package de.buergerbuero.indoor.io;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a building from OpenStreetMap XML tagged after <a
 * href="https://wiki.openstreetmap.org/wiki/Simple_Indoor_Tagging">Simple Indoor Tagging</a>.
 *
 * <ul>
 *   <li>Walkable network: ways with {@code highway=footway|corridor|path} (usually with {@code
 *       indoor=yes}) on one {@code level}; {@code ramp=yes} or {@code incline=*} makes a ramp;
 *       {@code highway=steps} ways join two levels ({@code level=0;1}, first node on the lower one
 *       unless {@code incline=down}); {@code conveying=*} on steps is an escalator.
 *   <li>Lifts: nodes with {@code highway=elevator} and the levels they stop at ({@code level=0;1;2}
 *       or {@code repeat_on}); the footways of each level meet the node there.
 *   <li>Doors: nodes with {@code door=*} or {@code indoor=door}; {@code width} in metres.
 *   <li>{@code wheelchair=no} on ways or nodes: not for wheelchairs.
 *   <li>Entrances: nodes with {@code entrance=*} ({@code main} first), {@code name} optional.
 *   <li>Rooms: closed ways with {@code indoor=room} (or {@code indoor=area} with a name): {@code
 *       ref} = room number and stable id, {@code name}, {@code level}, and the SDK's own keys
 *       {@code buergerbuero:department} and {@code buergerbuero:occupant}; routes end at a door
 *       node on the room's outline, else at the nearest network node of its level.
 * </ul>
 *
 * Coordinates become metres around the first node. The XML parser allows no DTD and no external
 * entities; files above 50 MB or with more than 1 000 000 elements are refused.
 */
public final class OsmIndoorReader {
  private static final long MAX_ELEMENTS = 1_000_000;

  private record OsmNode(long id, double lat, double lon, Map<String, String> tags) {}

  private record OsmWay(long id, List<Long> nodes, Map<String, String> tags) {}

  private final Map<Long, OsmNode> osmNodes = new LinkedHashMap<>();
  private final List<OsmWay> ways = new ArrayList<>();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  private double lat0;
  private double lon0;

  private OsmIndoorReader() {}

  /** Reads one building; {@code id} becomes its id, the name comes from the building outline. */
  public static Building read(String id, InputStream osmXml) {
    OsmIndoorReader reader = new OsmIndoorReader();
    try {
      reader.parse(osmXml);
    } catch (XMLStreamException | IOException e) {
      throw IndoorError.BUILDING_FILE_REJECTED.with(
          "OSM-Datei nicht lesbar: " + e.getClass().getSimpleName(), e);
    }
    try {
      return reader.build(id);
    } catch (IllegalArgumentException e) {
      throw IndoorError.BUILDING_INVALID.with(e.getMessage(), e);
    }
  }

  private void parse(InputStream in) throws XMLStreamException, IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    XMLStreamReader xml = factory.createXMLStreamReader(new LimitedStream(in, 50L << 20));
    long elements = 0;
    OsmNode node = null;
    OsmWay way = null;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new XMLStreamException("DTD not allowed");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (++elements > MAX_ELEMENTS) {
          throw new XMLStreamException("too many elements");
        }
        switch (xml.getLocalName()) {
          case "node" -> {
            node =
                new OsmNode(
                    Long.parseLong(xml.getAttributeValue(null, "id")),
                    Double.parseDouble(xml.getAttributeValue(null, "lat")),
                    Double.parseDouble(xml.getAttributeValue(null, "lon")),
                    new HashMap<>());
            osmNodes.put(node.id(), node);
          }
          case "way" -> {
            way =
                new OsmWay(
                    Long.parseLong(xml.getAttributeValue(null, "id")),
                    new ArrayList<>(),
                    new HashMap<>());
            ways.add(way);
          }
          case "nd" -> {
            if (way != null) {
              way.nodes().add(Long.parseLong(xml.getAttributeValue(null, "ref")));
            }
          }
          case "tag" -> {
            String k = xml.getAttributeValue(null, "k");
            String v = xml.getAttributeValue(null, "v");
            if (way != null) {
              way.tags().put(k, v);
            } else if (node != null) {
              node.tags().put(k, v);
            }
          }
          default -> {
            // osm, bounds, relation, member: not needed
          }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        switch (xml.getLocalName()) {
          case "node" -> node = null;
          case "way" -> way = null;
          default -> {}
        }
      }
    }
  }

  private Building build(String id) {
    if (osmNodes.isEmpty()) {
      throw new IllegalArgumentException("no nodes");
    }
    OsmNode origin = osmNodes.values().iterator().next();
    lat0 = origin.lat();
    lon0 = origin.lon();
    String buildingName = null;
    for (OsmWay w : ways) {
      String highway = w.tags().getOrDefault("highway", "");
      if (w.tags().containsKey("building") && w.tags().containsKey("name")) {
        buildingName = w.tags().get("name");
      }
      switch (highway) {
        case "footway", "corridor", "path" -> walkway(w);
        case "steps" -> steps(w);
        default -> {}
      }
    }
    lifts();
    Map<String, Room> rooms = rooms();
    List<String> entrances = new ArrayList<>();
    List<String> otherEntrances = new ArrayList<>();
    for (Node n : nodes.values()) {
      if (n.kind() == NodeKind.ENTRANCE) {
        OsmNode source = osmNodes.get(osmId(n.id()));
        ("main".equals(source.tags().get("entrance")) ? entrances : otherEntrances).add(n.id());
      }
    }
    entrances.addAll(otherEntrances);
    return new Building(id, buildingName, lat0, lon0, nodes, edges, rooms, entrances);
  }

  private void walkway(OsmWay w) {
    List<Integer> levels = levels(w.tags().get("level"));
    if (levels.size() != 1) {
      throw new IllegalArgumentException(
          "footway " + w.id() + " needs exactly one level, has " + w.tags().get("level"));
    }
    boolean ramp = "yes".equals(w.tags().get("ramp")) || w.tags().containsKey("incline");
    for (int i = 0; i + 1 < w.nodes().size(); i++) {
      connect(
          w,
          w.nodes().get(i),
          levels.get(0),
          w.nodes().get(i + 1),
          levels.get(0),
          ramp ? EdgeKind.RAMP : EdgeKind.WALK);
    }
  }

  private void steps(OsmWay w) {
    List<Integer> levels = levels(w.tags().get("level"));
    if (levels.size() != 2 || w.nodes().size() < 2) {
      throw new IllegalArgumentException(
          "steps " + w.id() + " must join two levels (level=a;b), has " + w.tags().get("level"));
    }
    boolean down = "down".equals(w.tags().get("incline"));
    int startLevel = down ? levels.get(1) : levels.get(0);
    int endLevel = down ? levels.get(0) : levels.get(1);
    EdgeKind kind = w.tags().containsKey("conveying") ? EdgeKind.ESCALATOR : EdgeKind.STEPS;
    List<Long> ids = w.nodes();
    for (int i = 0; i + 1 < ids.size(); i++) {
      int a = i == 0 ? startLevel : endLevel;
      connect(w, ids.get(i), a, ids.get(i + 1), endLevel, kind);
    }
  }

  private void lifts() {
    for (OsmNode n : osmNodes.values()) {
      if (!"elevator".equals(n.tags().get("highway"))) {
        continue;
      }
      String levelTag = n.tags().getOrDefault("level", n.tags().get("repeat_on"));
      List<Integer> levels = levels(levelTag);
      for (int i = 0; i + 1 < levels.size(); i++) {
        Node a = vertex(n.id(), levels.get(i));
        Node b = vertex(n.id(), levels.get(i + 1));
        edges.add(
            new Edge(a.id(), b.id(), EdgeKind.LIFT, 0, width(n.tags()), wheelchair(n.tags())));
      }
    }
  }

  private void connect(OsmWay w, long a, int levelA, long b, int levelB, EdgeKind kind) {
    Node from = vertex(a, levelA);
    Node to = vertex(b, levelB);
    edges.add(
        new Edge(
            from.id(), to.id(), kind, from.distanceTo(to), width(w.tags()), wheelchair(w.tags())));
  }

  /** The network node of an OSM node on one level ({@code n<id>@<level>}), created on first use. */
  private Node vertex(long osmId, int level) {
    String key = "n" + osmId + "@" + level;
    return nodes.computeIfAbsent(
        key,
        k -> {
          OsmNode n = osmNodes.get(osmId);
          if (n == null) {
            throw new IllegalArgumentException("way refers to missing node " + osmId);
          }
          Map<String, String> t = n.tags();
          NodeKind kind =
              t.containsKey("entrance")
                  ? NodeKind.ENTRANCE
                  : "elevator".equals(t.get("highway"))
                      ? NodeKind.LIFT
                      : t.containsKey("door") || "door".equals(t.get("indoor"))
                          ? NodeKind.DOOR
                          : NodeKind.WAYPOINT;
          String name = t.get("name");
          if (name == null && "main".equals(t.get("entrance"))) {
            name = "Haupteingang";
          }
          return new Node(k, level, x(n), y(n), kind, name, width(t), wheelchair(t));
        });
  }

  private Map<String, Room> rooms() {
    Map<String, Room> rooms = new LinkedHashMap<>();
    for (OsmWay w : ways) {
      Map<String, String> t = w.tags();
      String indoor = t.get("indoor");
      boolean room = "room".equals(indoor) || ("area".equals(indoor) && t.containsKey("name"));
      if (!room || w.nodes().isEmpty()) {
        continue;
      }
      List<Integer> levels = levels(t.get("level"));
      if (levels.size() != 1) {
        throw new IllegalArgumentException("room way " + w.id() + " needs one level");
      }
      int level = levels.get(0);
      double cx = 0;
      double cy = 0;
      int count = 0;
      String door = null;
      for (long ref : w.nodes()) {
        OsmNode n = osmNodes.get(ref);
        if (n == null) {
          throw new IllegalArgumentException(
              "room way " + w.id() + " refers to missing node " + ref);
        }
        cx += x(n);
        cy += y(n);
        count++;
        String candidate = "n" + ref + "@" + level;
        if (door == null && nodes.containsKey(candidate)) {
          door = candidate;
        }
      }
      cx /= count;
      cy /= count;
      if (door == null) {
        door = nearest(level, cx, cy);
      }
      String number = t.get("ref");
      String id = number != null ? number.replaceAll("[^A-Za-z0-9._-]", "-") : "w" + w.id();
      if (rooms.containsKey(id)) {
        throw new IllegalArgumentException("two rooms with ref " + number);
      }
      rooms.put(
          id,
          new Room(
              id,
              number,
              t.get("name"),
              level,
              t.get("buergerbuero:department"),
              t.get("buergerbuero:occupant"),
              door,
              cx,
              cy));
    }
    return rooms;
  }

  private String nearest(int level, double x, double y) {
    String best = null;
    double bestDistance = Double.MAX_VALUE;
    for (Node n : nodes.values()) {
      if (n.level() == level) {
        double d = Math.hypot(n.x() - x, n.y() - y);
        if (d < bestDistance) {
          bestDistance = d;
          best = n.id();
        }
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("room on level " + level + " without any walkway");
    }
    return best;
  }

  private static long osmId(String vertexId) {
    return Long.parseLong(vertexId.substring(1, vertexId.indexOf('@')));
  }

  private double x(OsmNode n) {
    return (n.lon() - lon0) * 111_320.0 * Math.cos(Math.toRadians(lat0));
  }

  private double y(OsmNode n) {
    return (n.lat() - lat0) * 110_540.0;
  }

  /** "0", "1;2", "-1;0;1", "0-2" → sorted distinct levels. */
  static List<Integer> levels(String tag) {
    TreeSet<Integer> levels = new TreeSet<>();
    if (tag == null || tag.isBlank()) {
      return List.of();
    }
    for (String part : tag.split(";")) {
      String p = part.trim();
      int dash = p.indexOf('-', 1);
      try {
        if (dash > 0) {
          int from = Integer.parseInt(p.substring(0, dash));
          int to = Integer.parseInt(p.substring(dash + 1));
          for (int l = Math.min(from, to); l <= Math.max(from, to); l++) {
            levels.add(l);
          }
        } else {
          levels.add((int) Math.floor(Double.parseDouble(p)));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("level '" + tag + "' is not a level list");
      }
    }
    return List.copyOf(levels);
  }

  private static Double width(Map<String, String> tags) {
    String w = tags.get("width");
    if (w == null) {
      return null;
    }
    try {
      return Double.parseDouble(w.replace(" m", "").replace(',', '.').trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean wheelchair(Map<String, String> tags) {
    return !"no".equals(tags.get("wheelchair"));
  }

  /** Refuses to read more than a limit (no unbounded building files). */
  private static final class LimitedStream extends java.io.FilterInputStream {
    private long remaining;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0 && (remaining -= n) < 0) {
        throw new IOException("building file larger than the limit");
      }
      return n;
    }
  }
}
