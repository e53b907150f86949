package de.buergerbuero.indoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.indoor.io.BuildingJson;
import de.buergerbuero.indoor.io.OsmIndoorReader;
import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.Level;
import de.buergerbuero.indoor.routing.IndoorRouter;
import de.buergerbuero.indoor.routing.Profile;
import de.buergerbuero.indoor.routing.Route;
import de.buergerbuero.kernel.error.BuergerbueroException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The test town hall ({@code test-rathaus.osm}, written by tools/osm_indoor.py): ground floor with
 * the main entrance and room 0.01, stairs and a lift to the 1st floor with rooms 1.02, 1.05 and
 * 1.07 (behind a 0.70 m door).
 */
class IndoorNavigationTest {
  static Building building;
  static IndoorRouter router;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = IndoorNavigationTest.class.getResourceAsStream("/test-rathaus.osm")) {
      building = OsmIndoorReader.read("test-rathaus", in);
    }
    router = new IndoorRouter(building);
  }

  static List<String> texts(Route route) {
    return route.steps().stream().map(s -> s.text().de()).toList();
  }

  @Nested
  @DisplayName("OSM Simple Indoor Tagging import")
  class Import {
    @Test
    @DisplayName("reads rooms with number, name, level, department and occupant")
    void rooms() {
      assertThat(building.name()).isEqualTo("Testrathaus");
      assertThat(building.rooms()).containsOnlyKeys("0.01", "1.02", "1.05", "1.07");
      var gewerbe = building.rooms().get("1.02");
      assertThat(gewerbe.name()).isEqualTo("Gewerbeamt");
      assertThat(gewerbe.level()).isEqualTo(1);
      assertThat(gewerbe.department()).isEqualTo("gewerbe");
      assertThat(gewerbe.occupant()).isEqualTo("Team Gewerbe");
      assertThat(gewerbe.label()).isEqualTo("Raum 1.02 – Gewerbeamt");
      assertThat(building.levels()).extracting(Level::ordinal).containsExactly(0, 1);
    }

    @Test
    @DisplayName("the main entrance comes first and a lift stops on every tagged level")
    void entrancesAndLifts() {
      assertThat(building.nodes().get(building.mainEntrance()).name()).isEqualTo("Haupteingang");
      assertThat(building.nodes().keySet()).contains("n5@0", "n5@1");
    }

    @Test
    @DisplayName("level lists and ranges are understood")
    void levelTags() {
      assertThat(building.levels()).hasSize(2);
      assertThat(new Level(2).shortDe()).isEqualTo("2. OG");
      assertThat(new Level(-1).name().de()).isEqualTo("Untergeschoss (UG)");
      assertThat(new Level(3).name().en()).isEqualTo("3rd floor");
    }

    @Test
    @DisplayName("DTDs and external entities are refused (XXE, billion laughs)")
    void hostileXml() {
      String xxe =
          "<?xml version=\"1.0\"?><!DOCTYPE osm [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
              + "<osm><node id=\"1\" lat=\"0\" lon=\"0\"><tag k=\"name\" v=\"&x;\"/></node></osm>";
      assertThatThrownBy(
              () ->
                  OsmIndoorReader.read(
                      "x", new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
          .isInstanceOfSatisfying(
              BuergerbueroException.class,
              e -> assertThat(e.errorCode()).isEqualTo(IndoorError.BUILDING_FILE_REJECTED));
    }

    @Test
    @DisplayName("a building without entrance is invalid, with a message saying so")
    void noEntrance() {
      String osm =
          "<osm><node id=\"1\" lat=\"0\" lon=\"0\"/><node id=\"2\" lat=\"0\" lon=\"0.0001\"/>"
              + "<way id=\"3\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"footway\"/>"
              + "<tag k=\"level\" v=\"0\"/></way></osm>";
      assertThatThrownBy(
              () ->
                  OsmIndoorReader.read(
                      "x", new ByteArrayInputStream(osm.getBytes(StandardCharsets.UTF_8))))
          .isInstanceOfSatisfying(
              BuergerbueroException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(IndoorError.BUILDING_INVALID);
                assertThat(e.getMessage()).contains("no entrance");
              });
    }
  }

  @Nested
  @DisplayName("Routing")
  class Routing {
    @Test
    @DisplayName("on foot the stairs are taken, with German and English steps")
    void byFoot() {
      Route route = router.route(null, "1.05", Profile.DEFAULT);
      assertThat(texts(route)).first().isEqualTo("Start: Haupteingang (EG)");
      assertThat(texts(route)).contains("Nehmen Sie die Treppe nach oben ins 1. OG.");
      assertThat(texts(route)).last().isEqualTo("Ziel: Raum 1.05 – Standesamt, 1. OG.");
      assertThat(route.steps())
          .anySatisfy(
              s -> assertThat(s.text().en()).isEqualTo("Take the stairs up to the 1st floor."));
      assertThat(route.distanceMetres()).isGreaterThan(40).isLessThan(80);
      assertThat(route.durationSeconds()).isPositive();
      assertThat(route.path().get(0).node()).isEqualTo(building.mainEntrance());
    }

    @Test
    @DisplayName("in a wheelchair the lift is taken instead")
    void wheelchair() {
      Route route = router.route(null, "1.05", Profile.WHEELCHAIR);
      assertThat(texts(route))
          .contains("Nehmen Sie den Aufzug ins 1. OG.")
          .noneMatch(t -> t.contains("Treppe"));
      assertThat(route.steps())
          .anySatisfy(s -> assertThat(s.text().en()).isEqualTo("Take the lift to the 1st floor."));
    }

    @Test
    @DisplayName("avoid-stairs prefers the lift too")
    void avoidStairs() {
      assertThat(texts(router.route(null, "1.05", Profile.AVOID_STAIRS)))
          .contains("Nehmen Sie den Aufzug ins 1. OG.");
    }

    @Test
    @DisplayName("a door narrower than 0.90 m keeps wheelchairs out: a clear NO_ROUTE")
    void narrowDoor() {
      assertThat(router.route(null, "1.07", Profile.DEFAULT).steps()).isNotEmpty();
      assertThatThrownBy(() -> router.route(null, "1.07", Profile.WHEELCHAIR))
          .isInstanceOfSatisfying(
              BuergerbueroException.class,
              e -> assertThat(e.errorCode()).isEqualTo(IndoorError.NO_ROUTE));
    }

    @Test
    @DisplayName("walking stretches name the turns")
    void turns() {
      Route route = router.route("1.05", "0.01", Profile.DEFAULT);
      assertThat(texts(route))
          .anyMatch(t -> t.matches("Gehen Sie \\d+ m, dann (links|rechts) abbiegen\\."));
      assertThat(texts(route))
          .startsWith("Start: Raum 1.05 – Standesamt (1. OG)")
          .anyMatch(t -> t.matches("Nehmen Sie (den Aufzug|die Treppe nach unten) ins EG\\."));
      assertThat(route.steps().get(0).text().en())
          .isEqualTo("Start: room 1.05 – Standesamt (1st floor)");
    }

    @Test
    @DisplayName("unknown places and profiles are clear errors")
    void unknown() {
      assertThatThrownBy(() -> router.route(null, "9.99", Profile.DEFAULT))
          .isInstanceOfSatisfying(
              BuergerbueroException.class,
              e -> assertThat(e.errorCode()).isEqualTo(IndoorError.UNKNOWN_PLACE));
      assertThatThrownBy(() -> Profile.fromUrl("rollator"))
          .isInstanceOfSatisfying(
              BuergerbueroException.class,
              e -> assertThat(e.errorCode()).isEqualTo(IndoorError.UNKNOWN_PROFILE));
      assertThat(Profile.fromUrl("avoid-stairs")).isEqualTo(Profile.AVOID_STAIRS);
    }
  }

  @Nested
  @DisplayName("JSON format and GeoJSON")
  class Formats {
    @Test
    @DisplayName("the JSON format round-trips and routes the same")
    void roundTrip() {
      byte[] json = BuildingJson.write(building).toString().getBytes(StandardCharsets.UTF_8);
      Building again = BuildingJson.read(new ByteArrayInputStream(json));
      assertThat(again.rooms().keySet()).isEqualTo(building.rooms().keySet());
      assertThat(texts(new IndoorRouter(again).route(null, "1.05", Profile.WHEELCHAIR)))
          .isEqualTo(texts(router.route(null, "1.05", Profile.WHEELCHAIR)));
    }

    @Test
    @DisplayName("broken JSON is rejected, invalid references are named")
    void badJson() {
      assertThatThrownBy(() -> BuildingJson.read(new ByteArrayInputStream("{\"id\":".getBytes())))
          .isInstanceOfSatisfying(
              BuergerbueroException.class,
              e -> assertThat(e.errorCode()).isEqualTo(IndoorError.BUILDING_FILE_REJECTED));
      String dangling =
          "{\"id\":\"b\",\"nodes\":[{\"id\":\"a\",\"x\":0,\"y\":0,\"kind\":\"ENTRANCE\"}],"
              + "\"edges\":[{\"from\":\"a\",\"to\":\"zz\"}],\"entrances\":[\"a\"]}";
      assertThatThrownBy(() -> BuildingJson.read(new ByteArrayInputStream(dangling.getBytes())))
          .isInstanceOfSatisfying(
              BuergerbueroException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(IndoorError.BUILDING_INVALID);
                assertThat(e.getMessage()).contains("unknown node");
              });
    }

    @Test
    @DisplayName("GeoJSON has rooms, entrances and ways in WGS84")
    void geoJson() {
      JsonNode geo = BuildingJson.geoJson(building);
      assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
      List<JsonNode> rooms =
          geo.get("features").findParents("feature").stream()
              .filter(p -> p.get("feature").asText().equals("room"))
              .toList();
      assertThat(rooms).hasSize(4);
      geo.get("features")
          .forEach(
              f -> {
                JsonNode c = f.get("geometry").get("coordinates");
                JsonNode first = c.get(0).isArray() ? c.get(0) : c;
                assertThat(first.get(0).asDouble()).isBetween(7.61, 7.63);
                assertThat(first.get(1).asDouble()).isBetween(51.95, 51.97);
              });
    }
  }
}
