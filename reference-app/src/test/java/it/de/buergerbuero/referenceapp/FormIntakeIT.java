package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.array;
import static it.de.buergerbuero.referenceapp.Api.await;
import static it.de.buergerbuero.referenceapp.Api.get;
import static it.de.buergerbuero.referenceapp.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.connector.formsolutions.FormsolutionsSimulator;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reference app polls the formsolutions simulator (integration-test profile, form LAERM-01 →
 * service laermbeschwerde, see forms/mappings.json).
 */
@DisplayName("Form intake from MACH formsolutions")
class FormIntakeIT {
  private static final String FORM = "LAERM-01";
  private static FormsolutionsSimulator formServer;

  @BeforeAll
  static void startFormServer() throws Exception {
    formServer =
        new FormsolutionsSimulator(Integer.parseInt(System.getProperty("formserver.port")));
  }

  @AfterAll
  static void stopFormServer() {
    formServer.close();
  }

  private static Map<String, String> fields(String description) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("/antrag/servicekonto", "dev-bpk2-anna");
    f.put("/antrag/name", "Anna Muster");
    f.put("/antrag/anschrift/strasse", "Hauptstraße 1");
    f.put("/antrag/anschrift/plz", "12345");
    f.put("/antrag/anschrift/ort", "Musterstadt");
    f.put("/antrag/beschreibung", description);
    return f;
  }

  @Test
  @DisplayName(
      "a completed form becomes anna's application with its PDF first, is acknowledged after it is stored, and once only")
  void intake() {
    String description = "Nachts laute Musik – FormIntakeIT " + System.nanoTime();
    byte[] pdf = ("%PDF-1.7 " + description).getBytes(StandardCharsets.UTF_8);
    String id =
        formServer.publish(
            FORM, fields(description), pdf, Map.of("Foto Hinterhof.jpg", new byte[] {1, 2, 3}));
    await(
        "acknowledged at the form server",
        Duration.ofSeconds(60),
        () -> formServer.acknowledged(id));
    List<JsonObject> mine =
        array(get("/api/v1/applications", "anna")).getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("serviceId").equals("laermbeschwerde"))
            .map(a -> object(get("/api/v1/applications/" + a.getString("id"), "anna")))
            .filter(a -> a.getJsonArray("attachments").size() == 2)
            .filter(
                a ->
                    a.getJsonArray("attachments")
                        .getJsonObject(0)
                        .getString("fileName")
                        .equals("Antrag-" + id + ".pdf"))
            .toList();
    assertThat(mine).as("exactly one application for the submission").hasSize(1);
    JsonObject application = mine.get(0);
    assertThat(application.getJsonArray("attachments").getJsonObject(1).getString("fileName"))
        .isEqualTo("Foto Hinterhof.jpg");

    // delivered again (e.g. the acknowledgement was lost): found, not stored twice
    formServer.setStatus(id, "READ");
    await("acknowledged again", Duration.ofSeconds(60), () -> formServer.acknowledged(id));
    long copies =
        array(get("/api/v1/applications", "anna")).getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("serviceId").equals("laermbeschwerde"))
            .map(a -> object(get("/api/v1/applications/" + a.getString("id"), "anna")))
            .filter(a -> a.getJsonArray("attachments").size() == 2)
            .filter(
                a ->
                    a.getJsonArray("attachments")
                        .getJsonObject(0)
                        .getString("fileName")
                        .equals("Antrag-" + id + ".pdf"))
            .count();
    assertThat(copies).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a pushed form is stored before the answer, once per transID; wrong credentials get 401")
  void push() throws Exception {
    String body =
        "{\"transID\":\"push-"
            + System.nanoTime()
            + "\",\"status\":\"NEW\",\"submissionDate\":\"2026-11-27T10:15:30+01:00\","
            + "\"pdf\":\"JVBERi0xLjc=\",\"payload\":{\"antrag\":{\"servicekonto\":\"dev-bpk2-anna\","
            + "\"name\":\"Anna Muster\",\"anschrift\":{\"strasse\":\"Hauptstraße 1\",\"plz\":\"12345\","
            + "\"ort\":\"Musterstadt\"},\"beschreibung\":\"Gepusht\"}}}";
    String path = "/api/v1/forms/formsolutions/" + FORM + "/submissions";
    String good =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (FormsolutionsSimulator.CLIENT + ":" + FormsolutionsSimulator.API_KEY)
                        .getBytes(StandardCharsets.UTF_8));
    java.util.function.Function<String, java.net.http.HttpResponse<String>> push =
        auth ->
            Api.send(
                Api.request(path, null)
                    .header("Content-Type", "application/json")
                    .header("Authorization", auth)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build());
    var first = push.apply(good);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String applicationId = object(first).getString("applicationId");
    assertThat(object(push.apply(good)).getString("applicationId")).isEqualTo(applicationId);
    assertThat(get("/api/v1/applications/" + applicationId, "anna").statusCode()).isEqualTo(200);
    Api.assertProblem(
        push.apply(
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString("4711:falsch".getBytes(StandardCharsets.UTF_8))),
        401,
        "BB-1006");
  }

  @Test
  @DisplayName("unusable submissions stay unacknowledged and are listed for admins")
  void problems() throws Exception {
    String hostile = formServer.publishHostileXml(FORM);
    Map<String, String> wrong = fields("zu");
    wrong.put("/antrag/anschrift/plz", "ABCDE");
    String invalid =
        formServer.publish(FORM, wrong, "%PDF".getBytes(StandardCharsets.UTF_8), Map.of());
    await(
        "both listed",
        Duration.ofSeconds(60),
        () -> {
          String body = get("/api/v1/admin/forms/problems", "admin").body();
          return body.contains(hostile) && body.contains(invalid);
        });
    String body = get("/api/v1/admin/forms/problems", "admin").body();
    assertThat(body).doesNotContain("root:").contains("postalCode");
    assertThat(formServer.acknowledged(hostile)).isFalse();
    assertThat(formServer.acknowledged(invalid)).isFalse();
    assertThat(get("/api/v1/admin/forms/problems", "anna").statusCode()).isEqualTo(403);
  }
}
