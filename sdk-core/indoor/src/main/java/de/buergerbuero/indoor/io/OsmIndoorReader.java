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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *   <li>Doors: nodes with {@code door=*} (not {@code no}) or {@code indoor=door}; {@code width}.
 *   <li>{@code wheelchair=no} on ways or nodes: not for wheelchairs.
 *   <li>Entrances: nodes with {@code entrance=*} ({@code main} first), {@code name} optional.
 *   <li>Rooms: closed ways (or multipolygons) with {@code indoor=room} (or {@code indoor=area} with
 *       a name): {@code ref} = room number and stable id, {@code name}, {@code level}, and the
 *       SDK's own keys {@code buergerbuero:department} and {@code buergerbuero:occupant}; routes
 *       end at a door node on the room's outline, else at the nearest network node of its level.
 * </ul>
 *
 * OSM XML as API 0.6 and JOSM write it: root {@code <osm version="0.6">}, negative ids of objects
 * never uploaded, elements with {@code action="delete"} or {@code visible="false"} left out, rooms
 * also as {@code type=multipolygon} relations (outer ways). {@code door=no} is an opening, not a
 * door; {@code width} in metres, {@code cm} or feet/inches, anything else is refused; {@code level}
 * whole storeys only (mezzanines such as {@code 0.5} are refused). Malformed ids or coordinates are
 * refused naming the element.
 *
 * <p>Coordinates become metres around the first node. The XML parser allows no DTD and no external
 * entities; files above 50 MB or with more than 1 000 000 elements are refused.
 */
public final class OsmIndoorReader {
  private static final long MAX_ELEMENTS = 1_000_000;

  private record OsmNode(long id, double lat, double lon, Map<String, String> tags) {}

  private record OsmWay(long id, List<Long> nodes, Map<String, String> tags) {}

  private record Member(String type, long ref, String role) {}

  private record OsmRelation(long id, List<Member> members, Map<String, String> tags) {}

  private final Map<Long, OsmNode> osmNodes = new LinkedHashMap<>();
  private final List<OsmWay> ways = new ArrayList<>();
  private final Map<Long, OsmWay> waysById = new HashMap<>();
  private final List<OsmRelation> relations = new ArrayList<>();
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
          "OSM-Datei nicht lesbar: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw IndoorError.BUILDING_FILE_REJECTED.with("OSM-Datei nicht lesbar: " + e.getMessage(), e);
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
    OsmRelation relation = null;
    boolean root = true;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new XMLStreamException("DTD not allowed");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (++elements > MAX_ELEMENTS) {
          throw new XMLStreamException("too many elements");
        }
        String name = xml.getLocalName();
        if (root) {
          root = false;
          String version = xml.getAttributeValue(null, "version");
          if (!"osm".equals(name)) {
            throw new IllegalArgumentException(
                "root element <" + name + "> is not <osm> (OSM XML, API 0.6)");
          }
          if (version != null && !"0.6".equals(version.strip())) {
            throw new IllegalArgumentException(
                "OSM XML version " + version + " is not supported (only 0.6)");
          }
          continue;
        }
        switch (name) {
          case "node" -> {
            long id = longAttribute(xml, "id", "node");
            if (!deleted(xml)) {
              node =
                  new OsmNode(
                      id,
                      coordinate(xml, "lat", id, 90),
                      coordinate(xml, "lon", id, 180),
                      new HashMap<>());
              osmNodes.put(node.id(), node);
            }
          }
          case "way" -> {
            long id = longAttribute(xml, "id", "way");
            if (!deleted(xml)) {
              way = new OsmWay(id, new ArrayList<>(), new HashMap<>());
              ways.add(way);
              waysById.put(id, way);
            }
          }
          case "relation" -> {
            long id = longAttribute(xml, "id", "relation");
            if (!deleted(xml)) {
              relation = new OsmRelation(id, new ArrayList<>(), new HashMap<>());
              relations.add(relation);
            }
          }
          case "nd" -> {
            if (way != null) {
              way.nodes().add(longAttribute(xml, "ref", "nd in way " + way.id()));
            }
          }
          case "member" -> {
            if (relation != null) {
              String role = xml.getAttributeValue(null, "role");
              relation
                  .members()
                  .add(
                      new Member(
                          String.valueOf(xml.getAttributeValue(null, "type")),
                          longAttribute(xml, "ref", "member of relation " + relation.id()),
                          role == null ? "" : role.strip()));
            }
          }
          case "tag" -> {
            String k = xml.getAttributeValue(null, "k");
            String v = xml.getAttributeValue(null, "v");
            Map<String, String> tags =
                way != null
                    ? way.tags()
                    : relation != null ? relation.tags() : node != null ? node.tags() : null;
            if (tags != null && k != null && v != null) {
              tags.put(k, v);
            }
          }
          default -> {
            // bounds, note, meta, and the children of deleted elements: not needed
          }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        switch (xml.getLocalName()) {
          case "node" -> node = null;
          case "way" -> way = null;
          case "relation" -> relation = null;
          default -> {}
        }
      }
    }
  }

  /**
   * Elements a JOSM file marks {@code action="delete"} (deleted, not yet uploaded) and those the
   * API marks {@code visible="false"} (deleted; in history and osmChange answers) are not there.
   */
  private static boolean deleted(XMLStreamReader xml) {
    String action = xml.getAttributeValue(null, "action");
    String visible = xml.getAttributeValue(null, "visible");
    return (action != null && "delete".equals(action.strip()))
        || (visible != null && "false".equals(visible.strip()));
  }

  /** An id or ref: a 64-bit integer, negative for objects JOSM has not uploaded yet. */
  private static long longAttribute(XMLStreamReader xml, String attribute, String element) {
    String value = xml.getAttributeValue(null, attribute);
    if (value == null) {
      throw new IllegalArgumentException(element + " without " + attribute);
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          element + " " + attribute + " '" + value + "' is not an integer id");
    }
  }

  private static double coordinate(XMLStreamReader xml, String attribute, long node, double max) {
    String value = xml.getAttributeValue(null, attribute);
    if (value == null) {
      throw new IllegalArgumentException("node " + node + " without " + attribute);
    }
    try {
      double degrees = Double.parseDouble(value.strip());
      if (Double.isFinite(degrees) && Math.abs(degrees) <= max) {
        return degrees;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "node " + node + " " + attribute + " '" + value + "' is not a coordinate in degrees");
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
    for (OsmRelation r : relations) {
      if (buildingName == null
          && r.tags().containsKey("building")
          && r.tags().containsKey("name")) {
        buildingName = r.tags().get("name");
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
    String incline = w.tags().getOrDefault("incline", "").strip();
    // incline=down, or a negative slope (-30%, -15°): the way climbs against its direction
    boolean down = incline.equals("down") || incline.startsWith("-");
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
            new Edge(
                a.id(),
                b.id(),
                EdgeKind.LIFT,
                0,
                width(n.tags(), "node " + n.id()),
                wheelchair(n.tags())));
      }
    }
  }

  private void connect(OsmWay w, long a, int levelA, long b, int levelB, EdgeKind kind) {
    Node from = vertex(a, levelA);
    Node to = vertex(b, levelB);
    edges.add(
        new Edge(
            from.id(),
            to.id(),
            kind,
            from.distanceTo(to),
            width(w.tags(), "way " + w.id()),
            wheelchair(w.tags())));
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
                      : isDoor(t) ? NodeKind.DOOR : NodeKind.WAYPOINT;
          String name = t.get("name");
          if (name == null && "main".equals(t.get("entrance"))) {
            name = "Haupteingang";
          }
          return new Node(
              k, level, x(n), y(n), kind, name, width(t, "node " + osmId), wheelchair(t));
        });
  }

  /** {@code door=*} except {@code door=no} (an opening without a door), or {@code indoor=door}. */
  private static boolean isDoor(Map<String, String> tags) {
    String door = tags.get("door");
    return (door != null && !"no".equals(door.strip())) || "door".equals(tags.get("indoor"));
  }

  private static boolean isRoom(Map<String, String> tags) {
    String indoor = tags.get("indoor");
    return "room".equals(indoor) || ("area".equals(indoor) && tags.containsKey("name"));
  }

  private Map<String, Room> rooms() {
    Map<String, Room> rooms = new LinkedHashMap<>();
    for (OsmWay w : ways) {
      if (!isRoom(w.tags())) {
        continue;
      }
      List<Long> ring = w.nodes();
      if (ring.size() < 4 || !ring.get(0).equals(ring.get(ring.size() - 1))) {
        throw new IllegalArgumentException(
            "room way " + w.id() + " is not closed (an area needs first node = last node)");
      }
      addRoom(
          rooms, "w" + w.id(), "room way " + w.id(), w.tags(), ring.subList(0, ring.size() - 1));
    }
    for (OsmRelation r : relations) {
      if (!"multipolygon".equals(r.tags().get("type")) || !isRoom(r.tags())) {
        continue;
      }
      List<Long> outline = new ArrayList<>();
      for (Member m : r.members()) {
        if ("way".equals(m.type()) && (m.role().isEmpty() || "outer".equals(m.role()))) {
          OsmWay outer = waysById.get(m.ref());
          if (outer == null) {
            throw new IllegalArgumentException(
                "room relation " + r.id() + " refers to missing way " + m.ref());
          }
          for (long ref : outer.nodes()) {
            if (!outline.contains(ref)) {
              outline.add(ref);
            }
          }
        }
      }
      if (outline.size() < 3) {
        throw new IllegalArgumentException("room relation " + r.id() + " has no outer ring");
      }
      addRoom(rooms, "r" + r.id(), "room relation " + r.id(), r.tags(), outline);
    }
    return rooms;
  }

  /** One room from its tags and its outline's distinct nodes. */
  private void addRoom(
      Map<String, Room> rooms,
      String fallbackId,
      String what,
      Map<String, String> t,
      List<Long> outline) {
    List<Integer> levels = levels(t.get("level"));
    if (levels.size() != 1) {
      throw new IllegalArgumentException(what + " needs one level");
    }
    int level = levels.get(0);
    double cx = 0;
    double cy = 0;
    String door = null;
    for (long ref : outline) {
      OsmNode n = osmNodes.get(ref);
      if (n == null) {
        throw new IllegalArgumentException(what + " refers to missing node " + ref);
      }
      cx += x(n);
      cy += y(n);
      String candidate = "n" + ref + "@" + level;
      if (door == null && nodes.containsKey(candidate)) {
        door = candidate;
      }
    }
    cx /= outline.size();
    cy /= outline.size();
    if (door == null) {
      door = nearest(level, cx, cy);
    }
    String number = t.get("ref");
    String id = number != null ? number.replaceAll("[^A-Za-z0-9._-]", "-") : fallbackId;
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

  /**
   * "0", "1;2", "-1;0;1", "0-2", "-2--1" → sorted distinct levels (OSM Key:level). Whole storeys
   * only: a mezzanine ({@code 0.5}) is refused, as the building model numbers storeys by integers.
   */
  static List<Integer> levels(String tag) {
    TreeSet<Integer> levels = new TreeSet<>();
    if (tag == null || tag.isBlank()) {
      return List.of();
    }
    for (String part : tag.split(";", -1)) {
      String p = part.strip();
      int dash = p.indexOf('-', 1);
      if (dash > 0) {
        int from = level(p.substring(0, dash), tag);
        int to = level(p.substring(dash + 1), tag);
        for (int l = Math.min(from, to); l <= Math.max(from, to); l++) {
          levels.add(l);
        }
      } else {
        levels.add(level(p, tag));
      }
    }
    return List.copyOf(levels);
  }

  private static int level(String value, String tag) {
    BigDecimal level;
    try {
      level = new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("level '" + tag + "' is not a level list");
    }
    if (level.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "level '"
              + tag
              + "': mezzanines (levels between whole storeys) are not supported; tag whole storeys");
    }
    try {
      return level.intValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("level '" + tag + "' is out of range");
    }
  }

  private static final Pattern METRES = Pattern.compile("(\\d+(?:[.,]\\d+)?|[.,]\\d+)\\s*(m|cm)?");
  private static final Pattern FEET_INCHES =
      Pattern.compile("(?:(\\d+)')?\\s*(?:(\\d+(?:\\.\\d+)?)\")?");

  /**
   * {@code width} in metres (OSM Map features/Units: a bare number is metres; {@code 0.9 m}, {@code
   * 90 cm} and feet/inches {@code 2'11"} are read too). Anything else is refused: a door whose
   * width cannot be read must not be taken as wide enough for a wheelchair.
   */
  private static Double width(Map<String, String> tags, String what) {
    String w = tags.get("width");
    if (w == null) {
      return null;
    }
    String v = w.strip();
    Matcher metres = METRES.matcher(v);
    if (metres.matches()) {
      double number = Double.parseDouble(metres.group(1).replace(',', '.'));
      return "cm".equals(metres.group(2)) ? number / 100 : number;
    }
    Matcher feet = FEET_INCHES.matcher(v);
    if (!v.isEmpty() && feet.matches() && (feet.group(1) != null || feet.group(2) != null)) {
      double inches =
          (feet.group(1) == null ? 0 : Integer.parseInt(feet.group(1)) * 12)
              + (feet.group(2) == null ? 0 : Double.parseDouble(feet.group(2)));
      return inches * 0.0254;
    }
    throw new IllegalArgumentException(what + ": width '" + w + "' is not a width in metres");
  }

  /**
   * {@code wheelchair=no} excludes; {@code yes}, {@code limited}, {@code designated}, none don't.
   */
  private static boolean wheelchair(Map<String, String> tags) {
    String value = tags.get("wheelchair");
    return value == null || !"no".equals(value.strip());
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
