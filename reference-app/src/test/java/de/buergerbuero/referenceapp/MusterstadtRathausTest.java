package de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.indoor.io.OsmIndoorReader;
import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.Level;
import de.buergerbuero.indoor.model.Room;
import de.buergerbuero.indoor.routing.IndoorRouter;
import de.buergerbuero.indoor.routing.Profile;
import de.buergerbuero.indoor.routing.Route;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sample building the reference app ships (tools/generate-musterstadt-rathaus.py). */
@DisplayName("Sample building: Rathaus Musterstadt")
class MusterstadtRathausTest {
  static Building rathaus;
  static IndoorRouter router;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        MusterstadtRathausTest.class.getResourceAsStream("/indoor/musterstadt-rathaus.osm")) {
      rathaus = OsmIndoorReader.read("musterstadt-rathaus", in);
    }
    router = new IndoorRouter(rathaus);
  }

  @Test
  @DisplayName("has three levels, 42 rooms, a lift and a step-free main entrance")
  void shape() {
    assertThat(rathaus.name()).isEqualTo("Rathaus Musterstadt");
    assertThat(rathaus.levels()).extracting(Level::ordinal).containsExactly(0, 1, 2);
    assertThat(rathaus.rooms()).hasSize(42);
    assertThat(rathaus.nodes().get(rathaus.mainEntrance()).name()).isEqualTo("Haupteingang");
  }

  @Test
  @DisplayName("every room can be reached on foot, and every room with a wide door by wheelchair")
  void everyRoomReachable() {
    for (Room room : rathaus.rooms().values()) {
      assertThat(router.route(null, room.id(), Profile.DEFAULT).steps()).as(room.id()).isNotEmpty();
      if (room.number().endsWith(".14")) {
        assertThatThrownBy(() -> router.route(null, room.id(), Profile.WHEELCHAIR))
            .as(room.id())
            .hasMessageContaining("Kein Weg");
      } else {
        Route route = router.route(null, room.id(), Profile.WHEELCHAIR);
        assertThat(route.steps()).as(room.id()).noneMatch(s -> s.kind().equals("stairs"));
      }
    }
  }

  @Test
  @DisplayName("one floor up the stairs are quicker on foot; in a wheelchair the lift goes up two")
  void upstairs() {
    assertThat(router.route(null, "1.04", Profile.DEFAULT).steps())
        .anySatisfy(
            s -> assertThat(s.text().de()).isEqualTo("Nehmen Sie die Treppe nach oben ins 1. OG."));
    assertThat(router.route(null, "2.09", Profile.WHEELCHAIR).steps())
        .anySatisfy(s -> assertThat(s.text().de()).isEqualTo("Nehmen Sie den Aufzug ins 2. OG."));
  }
}
