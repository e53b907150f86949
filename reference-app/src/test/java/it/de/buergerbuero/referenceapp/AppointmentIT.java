package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.array;
import static it.de.buergerbuero.referenceapp.Api.assertProblem;
import static it.de.buergerbuero.referenceapp.Api.get;
import static it.de.buergerbuero.referenceapp.Api.object;
import static it.de.buergerbuero.referenceapp.Api.postJson;
import static it.de.buergerbuero.referenceapp.Api.request;
import static it.de.buergerbuero.referenceapp.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Standesamt location has capacity 1 and ten 10-minute slots each Friday (see
 * appointments/locations.json). Runs on Derby and on PostgreSQL.
 */
@DisplayName("Appointments: no double booking, ever")
class AppointmentIT {
  private static final String LOCATION = "rathaus-standesamt";
  private static final String SERVICE = "eheschliessung-anmeldung";

  /** The first Friday in the booking window whose ten times are all free. */
  private static String freeFriday() {
    for (JsonObject day :
        array(get("/api/v1/appointments/locations/" + LOCATION + "/days?service=" + SERVICE, null))
            .getValuesAs(JsonObject.class)) {
      if (day.getInt("freeStarts") == 10) {
        return day.getString("date");
      }
    }
    throw new AssertionError("no Friday with ten free times in the booking window");
  }

  private static List<String> times(String date) {
    return array(
            get(
                "/api/v1/appointments/locations/"
                    + LOCATION
                    + "/times?service="
                    + SERVICE
                    + "&date="
                    + date,
                null))
        .getValuesAs(JsonString.class)
        .stream()
        .map(JsonString::getString)
        .toList();
  }

  private static HttpResponse<String> hold(String start, String requestKey) {
    return postJson(
        "/api/v1/appointments/holds",
        null,
        "{\"location\":\""
            + LOCATION
            + "\",\"service\":\""
            + SERVICE
            + "\",\"start\":\""
            + start
            + "\",\"requestKey\":\""
            + requestKey
            + "\"}");
  }

  @Test
  @DisplayName("200 clients race for 10 free slots: exactly 10 bookings, the rest a clear 409")
  void race() throws Exception {
    String friday = freeFriday();
    List<String> times = times(friday);
    assertThat(times).hasSize(10);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<HttpResponse<String>>> clients = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String start = times.get(i % times.size());
      clients.add(
          () -> {
            go.await();
            return hold(start, UUID.randomUUID().toString());
          });
    }
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    try {
      clients.forEach(c -> futures.add(pool.submit(c)));
      go.countDown();
      int won = 0;
      int lost = 0;
      List<String> startsWon = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        HttpResponse<String> r = f.get();
        if (r.statusCode() == 201) {
          won++;
          startsWon.add(object(r).getString("start"));
        } else {
          assertProblem(r, 409, "BB-5005");
          lost++;
        }
      }
      assertThat(won).isEqualTo(10);
      assertThat(lost).isEqualTo(190);
      assertThat(startsWon).doesNotHaveDuplicates();
      assertThat(times(friday)).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "hold, confirm with room and route link, repeat is idempotent, cancel frees the slot")
  void bookAndCancel() {
    String friday = freeFriday();
    String start = times(friday).get(3);
    String key = UUID.randomUUID().toString();
    HttpResponse<String> held = hold(start, key);
    assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
    String id = object(held).getString("id");
    assertThat(object(hold(start, key)).getString("id")).as("same request key").isEqualTo(id);
    assertThat(times(friday)).doesNotContain(start);

    assertProblem(
        postJson(
            "/api/v1/appointments/holds/" + id + "/confirm",
            null,
            "{\"name\":\"Erika Mustermann\",\"email\":\"keine-adresse\"}"),
        422,
        "BB-5009");
    JsonObject confirmation =
        object(
            postJson(
                "/api/v1/appointments/holds/" + id + "/confirm",
                null,
                "{\"name\":\"Erika Mustermann\",\"email\":\"erika@example.de\"}"));
    assertThat(confirmation.getJsonObject("appointment").getString("status"))
        .isEqualTo("CONFIRMED");
    assertThat(confirmation.getString("roomLink")).isEqualTo("/r/0.10");
    assertThat(get(confirmation.getString("roomLink"), null).body()).contains("Standesamt");

    String cancelLink = confirmation.getString("cancelLink");
    assertProblem(
        send(request("/api/v1/appointments/" + id + "?token=forged", null).DELETE().build()),
        404,
        "BB-5007");
    assertThat(send(request(cancelLink, null).DELETE().build()).statusCode()).isEqualTo(204);
    assertThat(times(friday)).contains(start);
  }

  @Test
  @DisplayName("times outside the opening hours or the window are refused with their codes")
  void badTimes() {
    assertProblem(hold("2026-01-02T09:00:00Z", UUID.randomUUID().toString()), 422, "BB-5004");
    String friday = freeFriday();
    assertProblem(hold(friday + "T05:03:00Z", UUID.randomUUID().toString()), 422, "BB-5003");
    assertProblem(
        get("/api/v1/appointments/locations/nirgendwo/times?service=x&date=" + friday, null),
        404,
        "BB-5001");
  }

  @Test
  @DisplayName("staff see the day's appointments; citizens may not")
  void staffView() {
    String friday = freeFriday();
    assertProblem(
        get("/api/v1/staff/appointments?location=" + LOCATION + "&date=" + friday, "anna"),
        403,
        "BB-1007");
    assertThat(
            get(
                    "/api/v1/staff/appointments?location=" + LOCATION + "&date=" + friday,
                    "clerk-ordnung")
                .statusCode())
        .isEqualTo(200);
  }
}
