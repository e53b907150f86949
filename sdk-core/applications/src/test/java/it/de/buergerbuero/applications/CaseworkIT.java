package it.de.buergerbuero.applications;

import static de.buergerbuero.testing.ModuleApi.assertProblem;
import static de.buergerbuero.testing.ModuleApi.object;
import static it.de.buergerbuero.applications.Forms.BULKY_WASTE;
import static it.de.buergerbuero.applications.Forms.application;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.testing.ModuleApi;
import de.buergerbuero.testing.TestCaller;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ArquillianTest
@DisplayName("Case work: assignment and team queues, forwarding, notes only staff see")
class CaseworkIT {
  static final TestCaller OLGA = TestCaller.clerk("olga", "ordnungsamt");
  static final TestCaller OTTO = TestCaller.clerk("otto", "ordnungsamt");
  static final TestCaller GERD = TestCaller.clerk("gerd", "gewerbe");
  static final TestCaller HANNA = TestCaller.citizen("hanna");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApplicationsDeployment.war();
  }

  @ArquillianResource URL base;
  ModuleApi api;

  @BeforeEach
  void client() {
    api = new ModuleApi(base);
  }

  private String submit() {
    HttpResponse<String> r =
        api.postJson("/api/v1/applications", HANNA, application("sperrmuell", BULKY_WASTE));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return object(r).getString("id");
  }

  private HttpResponse<String> put(String id, String what, TestCaller clerk, String json) {
    return api.send(
        api.request("/api/v1/staff/applications/" + id + "/" + what, clerk)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> assign(String id, TestCaller clerk, String json) {
    return put(id, "assignment", clerk, json);
  }

  private JsonObject page(TestCaller clerk, String query) {
    return api.getObject("/api/v1/staff/cases?limit=200&" + query, clerk);
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("id"))
        .toList();
  }

  private List<String> trail(String id, TestCaller clerk) {
    return api.getList("/api/v1/staff/applications/" + id + "/audit", clerk).stream()
        .map(e -> e.getString("action") + " " + e.getString("detail", ""))
        .toList();
  }

  @Test
  @DisplayName(
      "assign to me, take over, team queue, unassigned view and counts; every change audited")
  void assignment() {
    String id = submit();
    assertThat(ids(page(OLGA, "assignee=none"))).contains(id);
    assertThat(assign(id, OLGA, "{\"assignee\":\"me\"}").statusCode()).isEqualTo(204);
    assertThat(ids(page(OLGA, "assignee=me"))).contains(id);
    assertThat(ids(page(OLGA, "assignee=none"))).doesNotContain(id);
    assertThat(page(OLGA, "").getJsonObject("countsByAssignee").getJsonNumber("olga").longValue())
        .isPositive();
    JsonObject view = api.getObject("/api/v1/staff/applications/" + id, OTTO);
    assertThat(view.getString("assignee")).isEqualTo("olga");
    assertThat(view.getJsonArray("teams").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactly("Anwohnerparken", "Sondernutzung");

    // a colleague takes over, into a team queue
    assertThat(assign(id, OTTO, "{\"assignee\":\"me\",\"team\":\"Sondernutzung\"}").statusCode())
        .isEqualTo(204);
    assertThat(ids(page(OTTO, "team=Sondernutzung&assignee=otto"))).contains(id);
    assertProblem(assign(id, OTTO, "{\"team\":\"Gibt es nicht\"}"), 400, "BB-1001");
    assertProblem(assign(id, OTTO, "{\"assignee\":\"<script>\"}"), 400, "BB-1001");
    assertProblem(assign(id, GERD, "{\"assignee\":\"me\"}"), 404, "BB-2005");
    assertThat(trail(id, OLGA))
        .contains("CASE_ASSIGNED -/- -> olga/-", "CASE_ASSIGNED olga/- -> otto/Sondernutzung");
  }

  @Test
  @DisplayName(
      "forwarding with a reason: the case leaves the old inbox, arrives unassigned in the new one, audited on both sides")
  void forwarding() {
    String id = submit();
    assign(id, OLGA, "{\"assignee\":\"me\"}");
    assertProblem(
        api.postJson(
            "/api/v1/staff/applications/" + id + "/forward", OLGA, "{\"department\":\"gewerbe\"}"),
        400,
        "BB-1001");
    assertProblem(
        api.postJson(
            "/api/v1/staff/applications/" + id + "/forward",
            OLGA,
            "{\"department\":\"mond\",\"reason\":\"x\"}"),
        400,
        "BB-1001");
    HttpResponse<String> r =
        api.postJson(
            "/api/v1/staff/applications/" + id + "/forward",
            OLGA,
            "{\"department\":\"gewerbe\",\"reason\":\"Gewerbeabfall: zuständig ist das Gewerbeamt\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(ids(page(OLGA, ""))).doesNotContain(id);
    assertProblem(api.get("/api/v1/staff/applications/" + id, OLGA), 404, "BB-2005");
    assertThat(ids(page(GERD, "assignee=none"))).contains(id);
    JsonObject view = api.getObject("/api/v1/staff/applications/" + id, GERD);
    assertThat(view.getString("department")).isEqualTo("gewerbe");
    assertThat(view.containsKey("assignee")).isFalse();
    assertThat(trail(id, GERD))
        .contains(
            "CASE_FORWARDED_OUT ordnungsamt",
            "CASE_FORWARDED_IN gewerbe: Gewerbeabfall: zuständig ist das Gewerbeamt");
  }

  private HttpResponse<String> followUp(String id, TestCaller clerk, String json) {
    return put(id, "follow-up", clerk, json);
  }

  @Test
  @DisplayName(
      "deadlines: decide-by from the service's processing time, a follow-up date makes the case due, audited")
  void deadlines() {
    String id = submit();
    JsonObject view = api.getObject("/api/v1/staff/applications/" + id, OLGA);
    java.time.Instant submitted =
        java.time.Instant.parse(view.getJsonObject("application").getString("submittedAt"));
    assertThat(java.time.Instant.parse(view.getString("decideBy")))
        .as("sperrmuell: 14 days")
        .isEqualTo(submitted.plus(java.time.Duration.ofDays(14)));
    assertThat(ids(page(OLGA, "due=overdue"))).doesNotContain(id);
    assertThat(ids(page(OLGA, "due=due"))).doesNotContain(id);

    java.time.LocalDate later = java.time.LocalDate.now().plusDays(2);
    assertThat(followUp(id, OLGA, "{\"date\":\"" + later + "\"}").statusCode()).isEqualTo(204);
    assertThat(ids(page(OLGA, "due=due"))).doesNotContain(id);
    java.time.LocalDate yesterday = java.time.LocalDate.now().minusDays(1);
    assertThat(followUp(id, OLGA, "{\"date\":\"" + yesterday + "\"}").statusCode()).isEqualTo(204);
    assertThat(ids(page(OLGA, "due=due"))).contains(id);
    assertThat(ids(page(OLGA, "due=overdue"))).doesNotContain(id);
    assertThat(api.getObject("/api/v1/staff/applications/" + id, OLGA).getString("followUp"))
        .isNotBlank();
    assertProblem(followUp(id, OLGA, "{\"date\":\"morgen\"}"), 400, "BB-1001");
    assertProblem(api.get("/api/v1/staff/cases?due=bald", OLGA), 400, "BB-1001");
    assertThat(followUp(id, OLGA, "{\"date\":null}").statusCode()).isEqualTo(204);
    assertThat(ids(page(OLGA, "due=due"))).doesNotContain(id);
    assertThat(trail(id, OLGA)).contains("FOLLOW_UP_SET " + yesterday, "FOLLOW_UP_SET -");
  }

  @Test
  @DisplayName(
      "internal notes: staff of the department read and write them, the applicant never sees them")
  void notes() {
    String id = submit();
    HttpResponse<String> added =
        api.postJson(
            "/api/v1/staff/applications/" + id + "/notes",
            OLGA,
            "{\"text\":\"Telefonat: Abholung erst ab 10 Uhr möglich.\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    List<JsonObject> notes = api.getList("/api/v1/staff/applications/" + id + "/notes", OTTO);
    assertThat(notes)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.getString("text")).contains("10 Uhr");
              assertThat(n.getString("author")).isEqualTo("Olga Muster");
            });
    assertThat(api.get("/api/v1/applications/" + id, HANNA).body()).doesNotContain("10 Uhr");
    assertProblem(api.get("/api/v1/staff/applications/" + id + "/notes", GERD), 404, "BB-2005");
    assertProblem(
        api.postJson("/api/v1/staff/applications/" + id + "/notes", OLGA, "{\"text\":\" \"}"),
        400,
        "BB-1001");
    assertThat(trail(id, OLGA)).anyMatch(e -> e.startsWith("CASE_NOTE_ADDED"));
    assertThat(trail(id, OLGA)).noneMatch(e -> e.contains("10 Uhr"));
  }
}
