package it.de.buergerbuero.indoor;

import static de.buergerbuero.testing.ModuleApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.testing.HeaderCallers;
import de.buergerbuero.testing.ModuleApi;
import de.buergerbuero.testing.ModuleDeployment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ArquillianTest
@DisplayName("Indoor navigation deployed alone: a visitor finds the room and the way there")
class IndoorModuleIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    // HeaderCallers: the kernel's error mapping asks who calls; a town's login module answers that
    return ModuleDeployment.war()
        .addClass(HeaderCallers.class)
        .addAsResource("test-rathaus.osm")
        .addAsResource("it/indoor.properties", "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;
  ModuleApi api;

  @BeforeEach
  void client() {
    api = new ModuleApi(base);
  }

  @Test
  @DisplayName("the configured town hall is listed with its two levels and four rooms")
  void buildings() {
    var buildings = api.getList("/api/v1/indoor/buildings", null);
    assertThat(buildings).hasSize(1);
    JsonObject rathaus = buildings.get(0);
    assertThat(rathaus.getString("id")).isEqualTo("test-rathaus");
    assertThat(rathaus.getString("name")).isEqualTo("Testrathaus");
    assertThat(rathaus.getInt("rooms")).isEqualTo(4);
    assertThat(rathaus.getJsonArray("levels")).hasSize(2);
  }

  @Test
  @DisplayName("rooms are found by name or department, with a stable link")
  void search() {
    var found = api.getList("/api/v1/indoor/rooms?q=standesamt", null);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getString("link")).isEqualTo("/r/1.05");
    assertThat(api.getList("/api/v1/indoor/rooms?department=gewerbe", null))
        .extracting(r -> r.getString("id"))
        .containsExactly("1.02");
    JsonObject gewerbe = api.getObject("/api/v1/indoor/rooms/1.02", null);
    assertThat(gewerbe.getString("department")).isEqualTo("gewerbe");
    assertProblem(api.get("/api/v1/indoor/rooms/9.99", null), 404, "BB-4001");
  }

  @Test
  @DisplayName("on foot the route takes the stairs, in a wheelchair the lift")
  void routes() {
    JsonObject onFoot = api.getObject("/api/v1/indoor/route?to=1.05", null);
    assertThat(texts(onFoot))
        .startsWith("Start: Haupteingang (EG)")
        .contains("Nehmen Sie die Treppe nach oben ins 1. OG.")
        .endsWith("Ziel: Raum 1.05 – Standesamt, 1. OG.");
    JsonObject wheelchair = api.getObject("/api/v1/indoor/route?to=1.05&profile=wheelchair", null);
    assertThat(texts(wheelchair)).contains("Nehmen Sie den Aufzug ins 1. OG.");
  }

  @Test
  @DisplayName("a door too narrow for a wheelchair gives a clear no-route, bad input a 400")
  void noRoute() {
    assertThat(api.getObject("/api/v1/indoor/route?to=1.07", null).getJsonArray("steps"))
        .isNotEmpty();
    assertProblem(api.get("/api/v1/indoor/route?to=1.07&profile=wheelchair", null), 404, "BB-4002");
    assertProblem(api.get("/api/v1/indoor/route?to=1.05&profile=rollschuh", null), 400, "BB-4003");
    assertProblem(api.get("/api/v1/indoor/route?to=9.99", null), 404, "BB-4001");
  }

  @Test
  @DisplayName("the building exports as GeoJSON")
  void geoJson() {
    HttpResponse<String> r = api.get("/api/v1/indoor/buildings/test-rathaus/geojson", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    assertThat(r.body()).startsWith("{\"type\":\"FeatureCollection\"");
  }

  @Test
  @DisplayName(
      "the room link /r/{id} is a page with the way, in German or English, never echoing input")
  void roomPage() {
    HttpResponse<String> page = api.get("/r/1.02", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"de\"")
        .contains("Raum 1.02 – Gewerbeamt")
        .contains("Start: Haupteingang (EG)");
    assertThat(api.get("/r/1.05?profile=wheelchair&lang=en", null).body())
        .contains("Take the lift to the 1st floor.");
    HttpResponse<String> unknown = api.get("/r/%3Cscript%3E", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("<script>");
  }

  private static java.util.List<String> texts(JsonObject route) {
    return route.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
        .map(s -> s.getJsonObject("text").getString("de"))
        .toList();
  }
}
