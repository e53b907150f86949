package de.buergerbuero.indoor;

import de.buergerbuero.indoor.io.BuildingJson;
import de.buergerbuero.indoor.io.OsmIndoorReader;
import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.Room;
import de.buergerbuero.indoor.routing.IndoorRouter;
import de.buergerbuero.indoor.routing.Profile;
import de.buergerbuero.indoor.routing.Route;
import de.buergerbuero.kernel.error.ConfigurationException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The buildings of the town and their routers. Configured with {@code
 * buergerbuero.indoor.buildings=<id>=<location>[,<id>=<location>…]}, where a location is {@code
 * classpath:<resource>} or a file path, ending in {@code .osm} (Simple Indoor Tagging) or {@code
 * .json} (the SDK format). No buildings configured: the module answers that it knows no rooms.
 * Every building is loaded and checked when the application starts; a broken file stops the start
 * with a message naming the key.
 */
@ApplicationScoped
public class IndoorNavigation {
  public static final String BUILDINGS_KEY = "buergerbuero.indoor.buildings";
  private static final Logger LOG = Logger.getLogger(IndoorNavigation.class.getName());

  @Inject Config config;

  private final Map<String, IndoorRouter> routers = new LinkedHashMap<>();

  @PostConstruct
  void load() {
    String value = config.getOptionalValue(BUILDINGS_KEY, String.class).orElse("");
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ConfigurationException(
            BUILDINGS_KEY + ": '" + entry.trim() + "' is not id=location");
      }
      String id = entry.substring(0, eq).trim();
      String location = entry.substring(eq + 1).trim();
      Building building = read(id, location);
      routers.put(id, new IndoorRouter(building));
      LOG.info(
          () ->
              "Indoor navigation: building "
                  + id
                  + " with "
                  + building.rooms().size()
                  + " rooms on "
                  + building.levels().size()
                  + " levels");
    }
  }

  /** Loads eagerly at start-up, so a broken building file stops the start. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    routers.size();
  }

  private static Building read(String id, String location) {
    try (InputStream in = open(location)) {
      if (location.endsWith(".osm")) {
        return OsmIndoorReader.read(id, in);
      }
      if (location.endsWith(".json")) {
        return BuildingJson.read(in);
      }
      throw new ConfigurationException(
          BUILDINGS_KEY + ": " + location + " must end in .osm or .json");
    } catch (IOException e) {
      throw new ConfigurationException(BUILDINGS_KEY + ": cannot read " + location, e);
    }
  }

  private static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length());
      InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
      if (in == null) {
        in = IndoorNavigation.class.getClassLoader().getResourceAsStream(resource);
      }
      if (in == null) {
        throw new ConfigurationException(BUILDINGS_KEY + ": no resource " + resource);
      }
      return in;
    }
    return Files.newInputStream(Path.of(location));
  }

  public List<Building> buildings() {
    return routers.values().stream().map(IndoorRouter::building).toList();
  }

  public Building building(String id) {
    IndoorRouter router = routers.get(id);
    if (router == null) {
      throw IndoorError.UNKNOWN_PLACE.with("Unbekanntes Gebäude: " + shorten(id));
    }
    return router.building();
  }

  /** The room with this id in the first building that has it. */
  public Optional<Located> room(String roomId) {
    for (IndoorRouter router : routers.values()) {
      Room room = router.building().rooms().get(roomId);
      if (room != null) {
        return Optional.of(new Located(router.building(), room));
      }
    }
    return Optional.empty();
  }

  /** A room and the building it is in. */
  public record Located(Building building, Room room) {}

  /** Rooms whose number, name, department or occupant contain the query (umlauts folded). */
  public List<Located> searchRooms(String query, String department) {
    String q = fold(query);
    List<Located> found = new ArrayList<>();
    for (Building b : buildings()) {
      for (Room r : b.rooms().values()) {
        boolean matches =
            q.isEmpty()
                || fold(r.number()).contains(q)
                || fold(r.name()).contains(q)
                || fold(r.department()).contains(q)
                || fold(r.occupant()).contains(q);
        boolean inDepartment = department == null || department.equals(r.department());
        if (matches && inDepartment) {
          found.add(new Located(b, r));
        }
      }
    }
    return found;
  }

  /**
   * A route; {@code buildingId} may be null when the town has one building or {@code to} is a room
   * id; {@code from} null or blank starts at the main entrance.
   */
  public Route route(String buildingId, String from, String to, Profile profile) {
    IndoorRouter router;
    if (buildingId != null && !buildingId.isBlank()) {
      router = routers.get(buildingId);
      if (router == null) {
        throw IndoorError.UNKNOWN_PLACE.with("Unbekanntes Gebäude: " + shorten(buildingId));
      }
    } else {
      router =
          room(to)
              .map(l -> routers.get(l.building().id()))
              .orElseGet(() -> routers.size() == 1 ? routers.values().iterator().next() : null);
      if (router == null) {
        throw IndoorError.UNKNOWN_PLACE.with("Unbekannter Raum: " + shorten(to));
      }
    }
    return router.route(from, to, profile);
  }

  private static String fold(String s) {
    if (s == null) {
      return "";
    }
    String lower = s.toLowerCase(Locale.GERMAN).replace("ß", "ss");
    return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").trim();
  }

  private static String shorten(String s) {
    return s == null ? "" : s.substring(0, Math.min(64, s.length()));
  }
}
