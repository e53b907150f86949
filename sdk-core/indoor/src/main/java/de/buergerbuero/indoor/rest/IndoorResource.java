package de.buergerbuero.indoor.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.buergerbuero.indoor.IndoorError;
import de.buergerbuero.indoor.IndoorNavigation;
import de.buergerbuero.indoor.io.BuildingJson;
import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.Level;
import de.buergerbuero.indoor.routing.Profile;
import de.buergerbuero.indoor.routing.Route;
import de.buergerbuero.kernel.model.LocalizedText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Indoor navigation: buildings, rooms and routes. Public: nothing here is personal. */
@Path("/v1/indoor")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Indoor",
    description = "Räume im Rathaus und der Weg dorthin / rooms of the town hall and the way there",
    extensions = @Extension(name = "x-displayName", value = "Wegeleitung"))
public class IndoorResource {
  @Inject IndoorNavigation navigation;

  /** A building with its levels. */
  @Schema(description = "A building with indoor navigation and its levels.")
  public record BuildingView(
      String id, String name, List<LevelView> levels, int rooms, String mainEntrance) {}

  @Schema(description = "A level (Geschoss) of a building.")
  public record LevelView(int ordinal, LocalizedText name) {}

  /** A room with its stable link. */
  @Schema(
      description = "A room with its level, department or occupant and its stable page /r/{id}.")
  public record RoomView(
      String id,
      String building,
      String number,
      String name,
      String label,
      int level,
      LocalizedText levelName,
      String department,
      String occupant,
      String link,
      String routeFromEntrance) {
    static RoomView of(IndoorNavigation.Located l) {
      var r = l.room();
      Level level = new Level(r.level());
      return new RoomView(
          r.id(),
          l.building().id(),
          r.number(),
          r.name(),
          r.label(),
          r.level(),
          level.name(),
          r.department(),
          r.occupant(),
          "/r/" + r.id(),
          "/api/v1/indoor/route?to=" + r.id());
    }
  }

  @GET
  @Path("/buildings")
  @Operation(
      operationId = "listBuildings",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "The buildings with their levels")
  public List<BuildingView> buildings() {
    return navigation.buildings().stream()
        .map(
            b ->
                new BuildingView(
                    b.id(),
                    b.name(),
                    b.levels().stream().map(l -> new LevelView(l.ordinal(), l.name())).toList(),
                    b.rooms().size(),
                    b.mainEntrance()))
        .toList();
  }

  @GET
  @Path("/buildings/{id}")
  @Operation(
      operationId = "getBuilding",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "A building in the SDK's JSON format (nodes, edges, rooms, entrances)")
  @APIResponse(
      responseCode = "200",
      description = "The building (docs/indoor-format.md)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.OBJECT)))
  public Response building(@PathParam("id") String id) {
    return Response.ok(BuildingJson.write(navigation.building(id)).toString()).build();
  }

  @GET
  @Path("/buildings/{id}/geojson")
  @Produces("application/geo+json")
  @Operation(
      operationId = "getBuildingGeoJson",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "A building as GeoJSON (RFC 7946): rooms, entrances and walkable ways")
  @APIResponse(
      responseCode = "200",
      description = "A GeoJSON FeatureCollection",
      content =
          @Content(mediaType = "application/geo+json", schema = @Schema(type = SchemaType.OBJECT)))
  public Response geoJson(@PathParam("id") String id) {
    Building b = navigation.building(id);
    ObjectNode geo = BuildingJson.geoJson(b);
    return Response.ok(geo.toString(), "application/geo+json").build();
  }

  @GET
  @Path("/rooms")
  @Operation(
      operationId = "searchRooms",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Search rooms by number, name, department or occupant")
  public List<RoomView> rooms(@QueryParam("q") String q, @QueryParam("department") String dept) {
    if (q != null && q.length() > 100) {
      throw IndoorError.UNKNOWN_PLACE.with("Suchbegriff zu lang (höchstens 100 Zeichen).");
    }
    return navigation.searchRooms(q, dept).stream().map(RoomView::of).toList();
  }

  @GET
  @Path("/rooms/{id}")
  @Operation(
      operationId = "getRoom",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "One room, with its stable link /r/{id}")
  public RoomView room(@PathParam("id") String id) {
    return navigation
        .room(id)
        .map(RoomView::of)
        .orElseThrow(() -> IndoorError.UNKNOWN_PLACE.with("Unbekannter Raum."));
  }

  @GET
  @Path("/route")
  @Operation(
      operationId = "getRoute",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "The way between two places",
      description =
          "from/to: room ids or network node ids; without from the route starts at the main"
              + " entrance. profile: default, wheelchair (no stairs, doors ≥ 0.90 m), avoid-stairs.")
  @APIResponse(
      responseCode = "200",
      description = "The route: steps with distances and directions",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Route.class)))
  @APIResponse(responseCode = "400", description = "Unknown routing profile (BB-4003)")
  @APIResponse(
      responseCode = "404",
      description =
          "Unknown room or place (BB-4001), or no way with this profile, e.g. no step-free way"
              + " (BB-4002)")
  public Route route(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("profile") String profile,
      @QueryParam("building") String building) {
    return navigation.route(building, from, to, Profile.fromUrl(profile));
  }
}
