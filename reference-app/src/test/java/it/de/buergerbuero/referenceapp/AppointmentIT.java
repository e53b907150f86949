package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.array;
import static it.de.buergerbuero.referenceapp.Api.assertProblem;
import static it.de.buergerbuero.referenceapp.Api.get;
import static it.de.buergerbuero.referenceapp.Api.object;
import static it.de.buergerbuero.referenceapp.Api.request;
import static it.de.buergerbuero.referenceapp.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Standesamt location has capacity 1 and ten 10-minute slots each Friday (see
 * appointments/locations.json). Runs on Derby and on PostgreSQL.
 */
@DisplayName("Appointments: no double booking, ever")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppointmentIT {
  private static final String LOCATION = "rathaus-standesamt";
  private static final String SERVICE = "eheschliessung-anmeldung";
  private static GreenMail smtp;

  @BeforeAll
  static void startSmtp() {
    smtp =
        new GreenMail(
            new ServerSetup(
                Integer.parseInt(System.getProperty("smtp.port")), "127.0.0.1", "smtp"));
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  /** The mails GreenMail received for an address, waiting up to a minute for {@code count}. */
  private static List<MimeMessage> mailsTo(String address, int count) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      List<MimeMessage> mine = new ArrayList<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        if (m.getAllRecipients()[0].toString().equals(address)) {
          mine.add(m);
        }
      }
      if (mine.size() >= count) {
        return mine;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + count + " mails to " + address + " within 60 s");
  }

  /** The decoded text of a part (quoted-printable or base64 on the wire). */
  private static String decoded(jakarta.mail.BodyPart part) throws Exception {
    Object content = part.getContent();
    if (content instanceof String text) {
      return text;
    }
    try (java.io.InputStream in = (java.io.InputStream) content) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static String calendarPart(MimeMessage mail) throws Exception {
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).getContentType().startsWith("text/calendar")) {
        return decoded(parts.getBodyPart(i));
      }
    }
    throw new AssertionError("no text/calendar part");
  }

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

  /** A POST from a simulated citizen of its own address (the tests play the trusted proxy). */
  private static HttpResponse<String> postJson(String path, String user, String json) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .header(
                "X-Forwarded-For",
                "198.18."
                    + ThreadLocalRandom.current().nextInt(256)
                    + "."
                    + ThreadLocalRandom.current().nextInt(256))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * Confirms a hold; e-mail is on in the tests, so this is the double opt-in: the answer is 202
   * PENDING without cancel link, the mailed link confirms. Returns the confirmation.
   */
  private static JsonObject confirm(HttpResponse<String> held, String name, String email)
      throws Exception {
    String id = object(held).getString("id");
    HttpResponse<String> pending =
        postJson(
            "/api/v1/appointments/holds/" + id + "/confirm",
            null,
            "{\"name\":\""
                + name
                + "\",\"email\":\""
                + email
                + "\",\"holdToken\":\""
                + object(held).getString("holdToken")
                + "\"}");
    assertThat(pending.statusCode()).as(pending.body()).isEqualTo(202);
    assertThat(object(pending).getJsonObject("appointment").getString("status"))
        .isEqualTo("PENDING");
    assertThat(object(pending).getOrDefault("cancelLink", JsonValue.NULL))
        .as("no cancel link before the opt-in")
        .isEqualTo(JsonValue.NULL);
    String token = verifyToken(id, email);
    HttpResponse<String> verified =
        postJson("/api/v1/appointments/" + id + "/verify?token=" + token, null, "");
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    return object(verified);
  }

  /** The token of the opt-in link mailed to the address for this appointment. */
  private static String verifyToken(String id, String address) throws Exception {
    for (MimeMessage m : mailsTo(address, 1)) {
      String text = decoded(((MimeMultipart) m.getContent()).getBodyPart(0));
      Matcher link =
          Pattern.compile("/termin/bestaetigen\\?id=" + id + "&token=([A-Za-z0-9_-]+)")
              .matcher(text);
      if (link.find()) {
        return link.group(1);
      }
    }
    throw new AssertionError("no opt-in mail for " + id);
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
  void bookAndCancel() throws Exception {
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
            "{\"name\":\"Erika Mustermann\",\"email\":\"keine-adresse\",\"holdToken\":\""
                + object(held).getString("holdToken")
                + "\"}"),
        422,
        "BB-5009");
    assertProblem(
        postJson(
            "/api/v1/appointments/holds/" + id + "/confirm",
            null,
            "{\"name\":\"Erika Mustermann\",\"email\":\"erika@example.de\"}"),
        404,
        "BB-5007");
    String address = "erika-" + id.substring(0, 8) + "@example.de";
    JsonObject confirmation = confirm(held, "Erika Mustermann", address);
    assertThat(confirmation.getJsonObject("appointment").getString("status"))
        .isEqualTo("CONFIRMED");
    assertThat(confirmation.getString("roomLink")).isEqualTo("/r/0.10");
    assertThat(get(confirmation.getString("roomLink"), null).body()).contains("Standesamt");
    assertProblem(
        postJson(
            "/api/v1/appointments/holds/" + id + "/confirm",
            null,
            "{\"name\":\"Mallory\",\"email\":\"m@example.de\",\"holdToken\":\""
                + object(held).getString("holdToken")
                + "\"}"),
        409,
        "BB-5015");

    // the booking page's cancel button opens this link: a page with a form, not a 405
    HttpResponse<String> cancelPage = get(confirmation.getString("cancelLink"), null);
    assertThat(cancelPage.statusCode()).isEqualTo(200);
    assertThat(cancelPage.body()).contains("<form method=\"post\"");
    assertProblem(
        send(request("/api/v1/appointments/" + id + "?token=forged", null).DELETE().build()),
        404,
        "BB-5007");
    String token = confirmation.getString("cancelToken");
    assertThat(
            send(request("/api/v1/appointments/" + id + "?token=" + token, null).DELETE().build())
                .statusCode())
        .isEqualTo(204);
    assertThat(times(friday)).contains(start);
  }

  @Test
  @DisplayName(
      "confirmation and cancellation arrive by e-mail with ICS; the mailed cancel link works")
  void mails() throws Exception {
    String friday = freeFriday();
    String start = times(friday).get(6);
    HttpResponse<String> held = hold(start, UUID.randomUUID().toString());
    String id = object(held).getString("id");
    String address = "mail-" + id.substring(0, 8) + "@example.de";
    confirm(held, "Max Mustermann", address);
    MimeMessage optIn = mailsTo(address, 1).get(0);
    assertThat(optIn.getSubject()).startsWith("Bitte bestätigen Sie Ihren Termin");
    MimeMessage confirmation = mailsTo(address, 2).get(1);
    assertThat(confirmation.getSubject()).startsWith("Terminbestätigung / Appointment confirmed");
    String text = decoded(((MimeMultipart) confirmation.getContent()).getBodyPart(0));
    assertThat(text).contains("Guten Tag Max Mustermann", "/r/0.10", "/termin/absagen?id=" + id);
    String ics = calendarPart(confirmation);
    assertThat(ics).contains("METHOD:PUBLISH", "UID:" + id + "@buergerbuero", "DTSTART:");

    String link = text.lines().filter(l -> l.startsWith("Absagen: ")).findFirst().orElseThrow();
    String path = link.substring(link.indexOf("/termin/absagen"));
    HttpResponse<String> page = get(path, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\"");
    assertThat(times(friday)).as("a GET does not cancel").doesNotContain(start);
    String form = path.substring(path.indexOf('?') + 1);
    HttpResponse<String> cancelled =
        send(
            request("/termin/absagen", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(cancelled.body()).contains("Ihr Termin ist abgesagt");
    assertThat(times(friday)).contains(start);
    MimeMessage cancellation = mailsTo(address, 3).get(2);
    assertThat(cancellation.getSubject()).startsWith("Termin abgesagt / Appointment cancelled");
    assertThat(calendarPart(cancellation)).contains("METHOD:CANCEL", "UID:" + id + "@buergerbuero");
  }

  @Test
  @DisplayName(
      "a confirmed appointment moves to a free time in one step; a taken time changes nothing")
  void reschedule() throws Exception {
    String friday = freeFriday();
    List<String> free = times(friday);
    String first = free.get(7);
    String second = free.get(8);
    HttpResponse<String> held = hold(first, UUID.randomUUID().toString());
    String id = object(held).getString("id");
    JsonObject confirmation =
        confirm(held, "Erika Mustermann", "verlegen-" + id.substring(0, 8) + "@example.de");
    String token = confirmation.getString("cancelToken");
    String other = object(hold(free.get(9), UUID.randomUUID().toString())).getString("id");
    assertThat(other).isNotBlank();

    assertProblem(
        postJson(
            "/api/v1/appointments/" + id + "/reschedule?token=" + token,
            null,
            "{\"start\":\"" + free.get(9) + "\"}"),
        409,
        "BB-5005");
    assertThat(times(friday)).as("still at the old time").doesNotContain(first);

    JsonObject moved =
        object(
            postJson(
                "/api/v1/appointments/" + id + "/reschedule?token=" + token,
                null,
                "{\"start\":\"" + second + "\"}"));
    assertThat(moved.getString("start")).isEqualTo(second);
    assertThat(times(friday)).contains(first).doesNotContain(second);
    assertProblem(
        postJson(
            "/api/v1/appointments/" + id + "/reschedule?token=falsch",
            null,
            "{\"start\":\"" + first + "\"}"),
        404,
        "BB-5007");
  }

  @Test
  @Order(Integer.MAX_VALUE) // unordered tests have Order.DEFAULT and run before
  @DisplayName("searching faster than the configured rate gets 429 BB-5012 (runs last)")
  void rateLimit() {
    String path =
        "/api/v1/appointments/locations/"
            + LOCATION
            + "/times?service="
            + SERVICE
            + "&date=2026-01-01";
    int limited = 0;
    for (int i = 0; i < 200 && limited == 0; i++) {
      HttpResponse<String> r = get(path, null);
      if (r.statusCode() == 429) {
        assertProblem(r, 429, "BB-5012");
        limited++;
      }
    }
    assertThat(limited).as("a 429 within 200 searches").isEqualTo(1);
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
  @DisplayName("staff of the location's department see the day's appointments; others may not")
  void staffView() {
    String friday = freeFriday();
    assertProblem(
        get("/api/v1/staff/appointments?location=" + LOCATION + "&date=" + friday, "anna"),
        403,
        "BB-1007");
    assertProblem(
        get("/api/v1/staff/appointments?location=" + LOCATION + "&date=" + friday, "clerk-ordnung"),
        403,
        "BB-1007");
    assertThat(
            get(
                    "/api/v1/staff/appointments?location=rathaus-buergerbuero&date=" + friday,
                    "clerk-ordnung")
                .statusCode())
        .isEqualTo(200);
  }
}
