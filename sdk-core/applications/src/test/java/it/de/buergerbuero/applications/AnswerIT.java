package it.de.buergerbuero.applications;

import static de.buergerbuero.testing.ModuleApi.assertProblem;
import static de.buergerbuero.testing.ModuleApi.await;
import static de.buergerbuero.testing.ModuleApi.object;
import static it.de.buergerbuero.applications.CaseSteps.ANNA;
import static it.de.buergerbuero.applications.CaseSteps.ORDNUNG;
import static it.de.buergerbuero.applications.Forms.BULKY_WASTE;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.testing.ModuleApi;
import de.buergerbuero.testing.TestCaller;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ArquillianTest
@DisplayName("A clerk asks (NEEDS_INFO), the applicant answers with text and documents")
class AnswerIT {
  static final TestCaller BERND = TestCaller.citizen("bernd");
  static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 42};

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApplicationsDeployment.war();
  }

  @ArquillianResource URL base;
  ModuleApi api;
  CaseSteps cases;

  @BeforeEach
  void client() {
    api = new ModuleApi(base);
    cases = new CaseSteps(api);
  }

  private HttpResponse<String> ask(String id, String json) {
    return api.postJson("/api/v1/staff/applications/" + id + "/transitions", ORDNUNG, json);
  }

  private HttpResponse<String> answer(String id, TestCaller as, Forms.Multipart body) {
    return api.post("/api/v1/applications/" + id + "/answer", as, body.contentType(), body.build());
  }

  @Test
  @DisplayName(
      "anna answers the query with text and a photo by the deadline: back in progress, and answer"
          + " and photo reach the same Vorgang once")
  void answerWithDocument() {
    String id = cases.inProgress("sperrmuell", BULKY_WASTE);
    LocalDate due = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(7);
    HttpResponse<String> asked =
        ask(
            id,
            "{\"to\":\"NEEDS_INFO\",\"note\":\"Bitte senden Sie ein Foto des Schranks.\","
                + "\"answerBy\":\""
                + due
                + "\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    JsonObject open = api.getObject("/api/v1/applications/" + id, ANNA);
    assertThat(open.getString("status")).isEqualTo("NEEDS_INFO");
    assertThat(open.getString("answerDue"))
        .as("midnight after the day in Berlin is still that day in UTC")
        .startsWith(due.toString());

    HttpResponse<String> answered =
        answer(
            id,
            ANNA,
            new Forms.Multipart()
                .field("text", "Das Foto liegt bei. Der Schrank ist 2 m hoch.")
                .file("attachments", "Schrank.jpg", "image/jpeg", PHOTO));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    JsonObject after = object(answered);
    assertThat(after.getString("status")).isEqualTo("IN_PROGRESS");
    assertThat(after.containsKey("answerDue")).isFalse();
    assertThat(after.getJsonArray("answers").getJsonObject(0).getString("text"))
        .isEqualTo("Das Foto liegt bei. Der Schrank ist 2 m hoch.");
    assertThat(after.getJsonArray("attachments").getValuesAs(JsonObject.class))
        .extracting(a -> a.getString("fileName"))
        .contains("Schrank.jpg");

    String caseId = cases.dmsCaseId(id);
    await(
        "the answer in the Vorgang",
        Duration.ofSeconds(30),
        () ->
            cases.dmsDocuments(caseId).stream()
                .anyMatch(d -> d[1].equals("Antwort-1-Schrank.jpg")));
    List<String[]> docs = cases.dmsDocuments(caseId);
    assertThat(docs).filteredOn(d -> d[1].startsWith("Antwort-1-")).hasSize(2);
    String[] photo =
        docs.stream().filter(d -> d[1].equals("Antwort-1-Schrank.jpg")).findFirst().orElseThrow();
    assertThat(cases.dmsDocument(photo[0])).isEqualTo(PHOTO);
    String[] text =
        docs.stream()
            .filter(d -> d[1].endsWith(".txt") && d[1].startsWith("Antwort-1-"))
            .findFirst()
            .orElseThrow();
    assertThat(new String(cases.dmsDocument(text[0]), StandardCharsets.UTF_8))
        .contains("Der Schrank ist 2 m hoch.");
    await(
        "filed flag",
        Duration.ofSeconds(10),
        () ->
            api.getObject("/api/v1/applications/" + id, ANNA)
                .getJsonArray("answers")
                .getJsonObject(0)
                .getBoolean("filed"));
    var trail = api.getList("/api/v1/staff/applications/" + id + "/audit", ORDNUNG);
    assertThat(trail).extracting(e -> e.getString("action")).contains("QUERY_ANSWERED");

    // the query was announced by e-mail: a link, neither the question nor anna's name
    String reference = after.getString("reference");
    await(
        "query notice",
        Duration.ofSeconds(20),
        () ->
            api.getList("/api/test/notices", null).stream()
                .anyMatch(n -> n.getString("reference").equals(reference)));
    JsonObject notice =
        api.getList("/api/test/notices", null).stream()
            .filter(n -> n.getString("reference").equals(reference))
            .findFirst()
            .orElseThrow();
    assertThat(notice.getString("address")).isEqualTo("anna@example.org");
    assertThat(notice.getString("subject")).contains("Rückfrage", reference);
    assertThat(notice.getString("text"))
        .contains("/#/antraege/" + id)
        .doesNotContain("Foto des Schranks", "Anna", "Muster");
    assertThat(notice.getString("recipientName")).isEqualTo("Antragsteller/in");
  }

  @Test
  @DisplayName(
      "a second query gets a second answer (JSON, no documents); the default deadline is 14 days")
  void secondQuery() {
    String id = cases.inProgress("sperrmuell", BULKY_WASTE);
    for (int n = 1; n <= 2; n++) {
      assertThat(ask(id, "{\"to\":\"NEEDS_INFO\",\"note\":\"Frage " + n + "\"}").statusCode())
          .isEqualTo(200);
      if (n == 1) {
        LocalDate expected = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(14);
        assertThat(api.getObject("/api/v1/applications/" + id, ANNA).getString("answerDue"))
            .startsWith(expected.toString());
      }
      HttpResponse<String> r =
          api.postJson(
              "/api/v1/applications/" + id + "/answer", ANNA, "{\"text\":\"Antwort " + n + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    JsonObject mine = api.getObject("/api/v1/applications/" + id, ANNA);
    assertThat(mine.getJsonArray("answers").getValuesAs(JsonObject.class))
        .extracting(a -> a.getInt("number") + ":" + a.getString("text"))
        .containsExactly("1:Antwort 1", "2:Antwort 2");
  }

  @Test
  @DisplayName(
      "refused: an answer without an open query, from someone else, empty or with a disguised"
          + " executable; a query without its question or with a past deadline")
  void refusals() {
    String id = cases.inProgress("sperrmuell", BULKY_WASTE);
    assertProblem(
        api.postJson("/api/v1/applications/" + id + "/answer", ANNA, "{\"text\":\"zu früh\"}"),
        409,
        "BB-2018");
    assertProblem(ask(id, "{\"to\":\"NEEDS_INFO\"}"), 400, "BB-1001");
    assertProblem(
        ask(id, "{\"to\":\"NEEDS_INFO\",\"note\":\"?\",\"answerBy\":\"2020-01-01\"}"),
        400,
        "BB-1001");
    assertThat(ask(id, "{\"to\":\"NEEDS_INFO\",\"note\":\"Bitte Foto.\"}").statusCode())
        .isEqualTo(200);
    assertProblem(
        api.postJson("/api/v1/applications/" + id + "/answer", BERND, "{\"text\":\"fremd\"}"),
        404,
        "BB-2005");
    assertProblem(
        api.postJson("/api/v1/applications/" + id + "/answer", ANNA, "{\"text\":\"  \"}"),
        400,
        "BB-1001");
    assertProblem(
        answer(
            id,
            ANNA,
            new Forms.Multipart()
                .field("text", "Foto")
                .file(
                    "attachments",
                    "foto.jpg",
                    "image/jpeg",
                    "MZ\u0090\u0000 program".getBytes(StandardCharsets.ISO_8859_1))),
        415,
        "BB-2012");
    assertThat(api.getObject("/api/v1/applications/" + id, ANNA).getString("status"))
        .as("nothing was accepted")
        .isEqualTo("NEEDS_INFO");
  }
}
