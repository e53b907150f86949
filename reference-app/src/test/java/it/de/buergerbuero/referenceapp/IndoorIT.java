package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.array;
import static it.de.buergerbuero.referenceapp.Api.assertProblem;
import static it.de.buergerbuero.referenceapp.Api.get;
import static it.de.buergerbuero.referenceapp.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Indoor navigation in the running reference app")
class IndoorIT {
  @Test
  @DisplayName("the sample town hall is there with its levels and 42 rooms")
  void buildings() {
    JsonObject rathaus = array(get("/api/v1/indoor/buildings", null)).getJsonObject(0);
    assertThat(rathaus.getString("id")).isEqualTo("musterstadt-rathaus");
    assertThat(rathaus.getInt("rooms")).isEqualTo(42);
    assertThat(rathaus.getJsonArray("levels")).hasSize(3);
  }

  @Test
  @DisplayName("rooms are found by department or name, umlauts folded")
  void search() {
    var found = array(get("/api/v1/indoor/rooms?q=friedhof", null));
    assertThat(found).hasSize(1);
    assertThat(found.getJsonObject(0).getString("link")).isEqualTo("/r/2.09");
    assertThat(array(get("/api/v1/indoor/rooms?department=buergeramt", null))).hasSize(5);
    assertThat(array(get("/api/v1/indoor/rooms?q=Schulerbeforderung", null))).hasSize(1);
  }

  @Test
  @DisplayName("a wheelchair route takes the lift; an unknown room is a problem+json 404")
  void route() {
    JsonObject route = object(get("/api/v1/indoor/route?to=2.09&profile=wheelchair", null));
    assertThat(route.getJsonArray("steps").getValuesAs(JsonObject.class))
        .anySatisfy(
            s ->
                assertThat(s.getJsonObject("text").getString("de"))
                    .isEqualTo("Nehmen Sie den Aufzug ins 2. OG."));
    assertProblem(get("/api/v1/indoor/route?to=9.99", null), 404, "BB-4001");
    assertProblem(get("/api/v1/indoor/route?to=2.09&profile=rollschuh", null), 400, "BB-4003");
    assertProblem(get("/api/v1/indoor/route?to=2.14&profile=wheelchair", null), 404, "BB-4002");
  }

  @Test
  @DisplayName("GeoJSON export of the building")
  void geoJson() {
    HttpResponse<String> r = get("/api/v1/indoor/buildings/musterstadt-rathaus/geojson", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    assertThat(r.body()).startsWith("{\"type\":\"FeatureCollection\"");
  }

  @Test
  @DisplayName("the stable room link /r/{id} is an HTML page with the way from the entrance")
  void roomLink() {
    HttpResponse<String> page = get("/r/1.04", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"de\"")
        .contains("Raum 1.04 – Gewerbeamt")
        .contains("Start: Haupteingang (EG)")
        .contains("Nehmen Sie die Treppe nach oben ins 1. OG.");
    assertThat(get("/r/2.09?profile=wheelchair&lang=en", null).body())
        .contains("Take the lift to the 2nd floor.");
    HttpResponse<String> unknown = get("/r/%3Cscript%3E", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("<script>");
  }
}
