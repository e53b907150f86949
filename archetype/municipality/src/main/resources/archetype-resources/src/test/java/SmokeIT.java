package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starts nothing itself: Liberty is started around the integration tests by the build. */
class SmokeIT {
  private static final String BASE = "http://127.0.0.1:" + System.getProperty("http.port", "9080");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyAndFrontEnd() throws Exception {
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
    HttpResponse<String> home = get("/");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("/ui/app.js"), "the web front end is served");
  }
#if( $applications == "y" )

  @Test
  void serviceCatalogue() throws Exception {
    HttpResponse<String> services = get("/api/v1/services");
    assertEquals(200, services.statusCode(), services.body());
    assertTrue(services.body().contains("\"id\":\"meldebescheinigung\""), services.body());
  }
#end
#if( $formServer == "formsolutions" )

  @Test
  void formsolutionsPushChecksTheFormServersCredentials() throws Exception {
    String path = "/api/v1/forms/formsolutions/F1/submissions";
    HttpResponse<String> wrong = post(path, "Basic " + basic("smoke:wrong"), "{}");
    assertEquals(401, wrong.statusCode(), wrong.body());
    assertTrue(
        wrong.headers().firstValue("Content-Type").orElse("").contains("problem+json"),
        wrong.body());
    HttpResponse<String> right = post(path, "Basic " + basic("smoke:smoke-test-only"), "{}");
    assertEquals(422, right.statusCode(), "a malformed submission is refused: " + right.body());
  }
#elseif( $formServer == "fitconnect" )

  @Test
  void fitConnectCallbacksStayClosedUntilConfigured() throws Exception {
    HttpResponse<String> callback = post("/api/v1/forms/fitconnect/callbacks", null, "{}");
    assertEquals(404, callback.statusCode(), callback.body());
    assertTrue(callback.body().contains("fitconnect"), callback.body());
  }
#end
#if( $delivery.contains("hybridmail") )

  @Test
  void deliveryCallbacksStayClosedUntilConfigured() throws Exception {
    HttpResponse<String> callback = post("/api/v1/delivery/hybridmail/callbacks", null, "{}");
    assertEquals(404, callback.statusCode(), callback.body());
  }
#end
#if( $formServer != "none" || $delivery.contains("hybridmail") )

  private static String basic(String userAndPassword) {
    return java.util.Base64.getEncoder()
        .encodeToString(userAndPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(String path, String authorization, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
#end
#if( $appointments == "y" )

  @Test
  void appointmentLocations() throws Exception {
    HttpResponse<String> locations = get("/api/v1/appointments/locations");
    assertEquals(200, locations.statusCode(), locations.body());
    assertTrue(locations.body().contains("\"id\":\"rathaus-buergerbuero\""), locations.body());
  }
#end
#if( $indoor == "y" )

  @Test
  void townHallRooms() throws Exception {
    HttpResponse<String> rooms = get("/api/v1/indoor/rooms?q=0.02");
    assertEquals(200, rooms.statusCode(), rooms.body());
    assertTrue(rooms.body().contains("0.02"), rooms.body());
  }
#end
}
