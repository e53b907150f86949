package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.assertProblem;
import static it.de.buergerbuero.referenceapp.Api.await;
import static it.de.buergerbuero.referenceapp.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import de.buergerbuero.connector.hybridmail.HybridMailSimulator;
import de.buergerbuero.connector.zbp.ZbpSimulator;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The way back to the citizen end to end, with the reference app's real connectors: a Bescheid
 * issued by a clerk reaches the BundID postbox simulator (with status messages for the status
 * monitor), the hybrid-mail simulator for an applicant without postbox (with signed webhooks,
 * forged and replayed ones refused, a returned letter in the print queue), and GreenMail as a
 * notice without personal data.
 */
@DisplayName("The way back: ZBP, hybrid mail with callbacks, e-mail notices")
class ReturnChannelIT {
  /** The development login's anna logs in with this BundID postbox. */
  static final String ANNA_POSTBOX = "6b8e2b1c-3f8d-4a51-9d0e-2f1f3c7a9e10";

  static final String SIGNING_KEY = "webhook-signing-key-nur-fuer-tests-0123456789";
  static final String CALLBACKS = "/api/v1/delivery/hybridmail/callbacks";

  static ZbpSimulator zbp;
  static HybridMailSimulator print;
  static GreenMail smtp;

  @BeforeAll
  static void start() throws Exception {
    zbp = new ZbpSimulator(Path.of(System.getProperty("zbp.keys")), Integer.getInteger("zbp.port"));
    zbp.openMailbox(ANNA_POSTBOX);
    print = new HybridMailSimulator(SIGNING_KEY, Integer.getInteger("hybridmail.port"));
    print.deliverWebhooksTo(URI.create(Api.BASE + CALLBACKS));
    smtp = new GreenMail(new ServerSetup(Integer.getInteger("smtp.port"), "127.0.0.1", "smtp"));
    smtp.start();
  }

  @AfterAll
  static void stop() {
    if (zbp != null) {
      zbp.close();
    }
    if (print != null) {
      print.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  static String bulkyWaste(String email) {
    return "{\"address\":{\"street\":\"Hauptstraße 1\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"},"
        + "\"items\":[\"Sofa\"],\"email\":\""
        + email
        + "\"}";
  }

  /** Submitted by the user, filed, and decided by a clerk (admin: sees every department). */
  static JsonObject decided(String user, String email, boolean consent) {
    JsonObject a = Api.submit(user, "sperrmuell", bulkyWaste(email));
    String id = a.getString("id");
    if (consent) {
      HttpResponse<String> r =
          Api.send(
              Api.request("/api/v1/applications/" + id + "/postbox-consent", user)
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"consent\":true}"))
                  .build());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    await("filed", Duration.ofSeconds(60), () -> Api.status(user, id).equals("RECEIVED"));
    assertThat(
            Api.postJson(
                    "/api/v1/staff/applications/" + id + "/transitions",
                    "admin",
                    "{\"to\":\"IN_PROGRESS\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> issued =
        Api.postJson(
            "/api/v1/staff/applications/" + id + "/decision",
            "admin",
            "{\"outcome\":\"APPROVED\"}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    return a;
  }

  static byte[] download(String user, String id) {
    return Api.sendBytes(
            Api.request("/api/v1/applications/" + id + "/decision", user).GET().build())
        .body();
  }

  static List<JsonObject> deliveries(String user, String id) {
    return object(Api.get("/api/v1/applications/" + id, user))
        .getJsonObject("decision")
        .getJsonArray("deliveries")
        .getValuesAs(JsonObject.class);
  }

  static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(address);
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  @Test
  @DisplayName(
      "with postbox and consent: the PDF/A in the BundID postbox, status messages, a notice without the name")
  void postbox() throws Exception {
    JsonObject a = decided("anna", "anna.zbp@example.org", true);
    String id = a.getString("id");
    String reference = a.getString("reference");
    await(
        "in the postbox",
        Duration.ofSeconds(60),
        () ->
            zbp.messages().stream()
                .anyMatch(m -> m.content().getString("reference").equals(reference)));
    ZbpSimulator.Message m =
        zbp.messages().stream()
            .filter(x -> x.content().getString("reference").equals(reference))
            .findFirst()
            .orElseThrow();
    assertThat(m.mailbox()).isEqualTo(ANNA_POSTBOX);
    assertThat(m.content().getString("service")).isEqualTo("Sperrmüllabholung");
    assertThat(m.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.name()).isEqualTo("Bescheid-" + reference + ".pdf");
              assertThat(f.bytes()).isEqualTo(download("anna", id));
            });
    await(
        "status messages",
        Duration.ofSeconds(60),
        () ->
            zbp.states().stream()
                .filter(s -> s.getString("applicationId").equals(id))
                .map(s -> s.getString("status"))
                .toList()
                .containsAll(List.of("SUBMITTED", "PROCESSING", "COMPLETED")));
    await(
        "recorded as delivered",
        Duration.ofSeconds(30),
        () ->
            deliveries("anna", id).stream()
                .anyMatch(
                    d ->
                        d.getString("channel").equals("zbp")
                            && d.getString("state").equals("DELIVERED")));
    assertThat(print.letters()).noneMatch(l -> l.attributes().toString().contains(reference));

    await("the notice", Duration.ofSeconds(60), () -> !mailsTo("anna.zbp@example.org").isEmpty());
    MimeMessage mail = mailsTo("anna.zbp@example.org").get(0);
    String body = GreenMailUtil.getBody(mail);
    assertThat(body).contains("/#/antraege/" + id);
    assertThat(body + mail.getSubject()).doesNotContain("Anna", "Muster", "Sofa", "%PDF");
    assertThat(mail.getContentType()).startsWith("text/plain");
  }

  @Test
  @DisplayName(
      "without postbox: a letter with its webhooks; forged and replayed webhooks refused; returned → print queue")
  void letter() throws Exception {
    JsonObject a = decided("ben", "ben.post@example.org", false);
    String id = a.getString("id");
    await(
        "printed",
        Duration.ofSeconds(60),
        () ->
            print.letters().stream()
                .anyMatch(l -> l.attributes().toString().contains("Ben Beispiel")));
    HybridMailSimulator.Letter letter =
        print.letters().stream()
            .filter(l -> l.attributes().toString().contains("Ben Beispiel"))
            .reduce((x, y) -> y)
            .orElseThrow();
    assertThat(letter.pdf()).isEqualTo(download("ben", id));
    JsonObject to = letter.attributes().getJsonObject("meta_data").getJsonObject("recipient");
    assertThat(to.getString("street")).isEqualTo("Hauptstraße");
    assertThat(to.getString("city")).isEqualTo("Musterstadt");
    await(
        "recorded",
        Duration.ofSeconds(30),
        () ->
            deliveries("ben", id).stream()
                .anyMatch(d -> d.getString("channel").equals("hybridmail")));

    HybridMailSimulator.Webhook sent = print.webhook(letter.id(), "sent", null);
    assertThat(sent.answeredWith()).isEqualTo(200);
    assertThat(deliveries("ben", id))
        .anySatisfy(d -> assertThat(d.getString("state")).isEqualTo("DELIVERED"));

    // the same webhook again: refused as a replay, on every instance (database)
    HttpRequest.Builder replay =
        Api.request(CALLBACKS, null).POST(HttpRequest.BodyPublishers.ofByteArray(sent.body()));
    sent.headers().forEach(replay::header);
    assertProblem(Api.send(replay.build()), 401, "BB-1006");
    // a forged one: the body changed after signing
    byte[] forged =
        new String(sent.body(), StandardCharsets.UTF_8)
            .replace("webhook_sent", "webhook_undeliverable")
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder fake =
        Api.request(CALLBACKS, null).POST(HttpRequest.BodyPublishers.ofByteArray(forged));
    sent.headers().forEach(fake::header);
    assertProblem(Api.send(fake.build()), 401, "BB-1006");
    assertThat(deliveries("ben", id))
        .anySatisfy(d -> assertThat(d.getString("state")).isEqualTo("DELIVERED"));

    // the letter comes back: into the print queue of the department
    HybridMailSimulator.Webhook returned =
        print.webhook(letter.id(), "undeliverable", "Empfänger unbekannt verzogen");
    assertThat(returned.answeredWith()).isEqualTo(200);
    JsonObject job =
        Api.array(Api.get("/api/v1/staff/print-queue", "admin"))
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(j -> j.getString("applicationId").equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(job.getString("reason")).isEqualTo("Empfänger unbekannt verzogen");
    assertThat(
            Api.postJson(
                    "/api/v1/staff/print-queue/" + job.getString("id") + "/posted", "admin", "")
                .statusCode())
        .isEqualTo(200);
    assertThat(deliveries("ben", id))
        .anySatisfy(d -> assertThat(d.getString("state")).isEqualTo("POSTED_BY_HAND"));

    await("the notice", Duration.ofSeconds(60), () -> !mailsTo("ben.post@example.org").isEmpty());
    String body = GreenMailUtil.getBody(mailsTo("ben.post@example.org").get(0));
    assertThat(body).doesNotContain("Ben", "Beispiel", "Hauptstraße");
  }
}
