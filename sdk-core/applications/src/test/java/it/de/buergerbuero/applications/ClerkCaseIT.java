package it.de.buergerbuero.applications;

import static de.buergerbuero.testing.ModuleApi.assertProblem;
import static de.buergerbuero.testing.ModuleApi.await;
import static de.buergerbuero.testing.ModuleApi.object;
import static it.de.buergerbuero.applications.Forms.BULKY_WASTE;
import static it.de.buergerbuero.applications.Forms.PARKING;
import static it.de.buergerbuero.applications.Forms.TRADE;
import static it.de.buergerbuero.applications.Forms.application;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.testing.ModuleApi;
import de.buergerbuero.testing.TestCaller;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ArquillianTest
@DisplayName("A clerk works through the department's inbox and decides")
class ClerkCaseIT {
  static final TestCaller ANNA = TestCaller.citizen("anna");
  static final TestCaller ORDNUNG = TestCaller.clerk("clerk-ordnung", "ordnungsamt");
  static final TestCaller GEWERBE = TestCaller.clerk("clerk-gewerbe", "gewerbe");
  static final TestCaller ADMIN = TestCaller.admin("admin");

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

  private String submit(TestCaller as, String serviceId, String formData) {
    HttpResponse<String> r =
        api.postJson("/api/v1/applications", as, application(serviceId, formData));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return object(r).getString("id");
  }

  private HttpResponse<String> transition(TestCaller clerk, String id, String json) {
    return api.postJson("/api/v1/staff/applications/" + id + "/transitions", clerk, json);
  }

  private void awaitReceived(String id) {
    await(
        "filed and received",
        Duration.ofSeconds(30),
        () ->
            api.getObject("/api/v1/applications/" + id, ANNA)
                .getString("status")
                .equals("RECEIVED"));
  }

  private static List<String> ids(List<JsonObject> items) {
    return items.stream().map(o -> o.getString("id")).toList();
  }

  @Test
  @DisplayName(
      "the ordnungsamt decides anna's application; she sees every step and the clerk's notes")
  void wholeCase() {
    String id = submit(ANNA, "bewohnerparkausweis", PARKING);
    await(
        "received",
        Duration.ofSeconds(30),
        () -> ids(api.getList("/api/v1/staff/inbox?status=RECEIVED", ORDNUNG)).contains(id));

    JsonObject opened = api.getObject("/api/v1/staff/applications/" + id, ORDNUNG);
    assertThat(opened.getString("applicantName")).isEqualTo("Anna Muster");
    assertThat(opened.getString("applicantKind")).isEqualTo("CITIZEN");
    assertThat(opened.getJsonObject("formData").getString("licensePlate")).isEqualTo("TS-AB 123");
    assertThat(opened.getString("dmsCaseId")).startsWith("mem-");

    HttpResponse<String> started =
        transition(ORDNUNG, id, "{\"to\":\"IN_PROGRESS\",\"note\":\"Wir prüfen Ihren Antrag.\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    HttpResponse<String> approved =
        transition(ORDNUNG, id, "{\"to\":\"APPROVED\",\"note\":\"Ausweis wird zugesandt.\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(object(approved).getJsonObject("application").getString("status"))
        .isEqualTo("APPROVED");
    assertThat(object(approved).getJsonArray("allowedTransitions").getString(0))
        .isEqualTo("CLOSED");

    JsonObject mine = api.getObject("/api/v1/applications/" + id, ANNA);
    assertThat(mine.getString("status")).isEqualTo("APPROVED");
    var history = mine.getJsonArray("history").getValuesAs(JsonObject.class);
    assertThat(history)
        .extracting(h -> h.getString("to"))
        .containsExactly("SUBMITTED", "RECEIVED", "IN_PROGRESS", "APPROVED");
    assertThat(history)
        .extracting(h -> h.containsKey("note") ? h.getString("note") : "")
        .contains("Wir prüfen Ihren Antrag.", "Ausweis wird zugesandt.");

    // a decision is final: no step back, no withdrawal
    assertProblem(transition(ORDNUNG, id, "{\"to\":\"IN_PROGRESS\"}"), 409, "BB-1009");
    assertProblem(
        api.postJson("/api/v1/applications/" + id + "/withdraw", ANNA, ""), 409, "BB-2006");
  }

  @Test
  @DisplayName("reading and deciding are in the audit trail under the clerk's name")
  void auditTrail() {
    String id = submit(ANNA, "sperrmuell", BULKY_WASTE);
    awaitReceived(id);
    api.getObject("/api/v1/staff/applications/" + id, ORDNUNG);
    assertThat(transition(ORDNUNG, id, "{\"to\":\"IN_PROGRESS\"}").statusCode()).isEqualTo(200);
    var trail = api.getList("/api/v1/staff/applications/" + id + "/audit", ORDNUNG);
    assertThat(trail)
        .extracting(e -> e.getString("action"))
        .contains("APPLICATION_SUBMITTED", "APPLICATION_READ", "STATUS_CHANGED");
    assertThat(trail)
        .filteredOn(e -> e.getString("action").equals("APPLICATION_READ"))
        .extracting(e -> e.getString("actor"))
        .containsOnly("staff:clerk-ordnung");
    assertThat(trail)
        .filteredOn(e -> e.getString("action").equals("APPLICATION_SUBMITTED"))
        .extracting(e -> e.getString("actor"))
        .singleElement()
        // clerks see a keyed pseudonym, never the applicant's bPK2
        .satisfies(a -> assertThat(a).startsWith("applicant:ps-").doesNotContain("pseudonym-anna"));
  }

  @Test
  @DisplayName("a clerk sees only the own department's applications; others do not exist for them")
  void departmentsAreSeparate() {
    String parking = submit(ANNA, "bewohnerparkausweis", PARKING);
    String trade = submit(ANNA, "gewerbeanmeldung", TRADE);
    assertThat(ids(api.getList("/api/v1/staff/inbox", ORDNUNG)))
        .contains(parking)
        .doesNotContain(trade);
    assertThat(ids(api.getList("/api/v1/staff/inbox", GEWERBE)))
        .contains(trade)
        .doesNotContain(parking);
    assertProblem(api.get("/api/v1/staff/applications/" + trade, ORDNUNG), 404, "BB-2005");
    assertProblem(transition(ORDNUNG, trade, "{\"to\":\"REJECTED\"}"), 404, "BB-2005");
    assertProblem(
        api.get("/api/v1/staff/applications/" + trade + "/audit", ORDNUNG), 404, "BB-2005");
    // the administration sees every department
    assertThat(ids(api.getList("/api/v1/staff/inbox", ADMIN))).contains(parking, trade);
    // a clerk without a department sees nothing
    assertThat(api.getList("/api/v1/staff/inbox", TestCaller.clerk("neu"))).isEmpty();
  }

  @Test
  @DisplayName("the inbox filters by service")
  void inboxFilter() {
    String parking = submit(ANNA, "bewohnerparkausweis", PARKING);
    String waste = submit(ANNA, "sperrmuell", BULKY_WASTE);
    var filtered = api.getList("/api/v1/staff/inbox?serviceId=sperrmuell", ORDNUNG);
    assertThat(ids(filtered)).contains(waste).doesNotContain(parking);
    assertThat(filtered)
        .allSatisfy(i -> assertThat(i.getString("serviceId")).isEqualTo("sperrmuell"));
    assertThat(filtered)
        .filteredOn(i -> i.getString("id").equals(waste))
        .extracting(i -> i.getString("serviceName"))
        .containsExactly("Sperrmüllabholung");
  }

  @Test
  @DisplayName("a clerk downloads an attachment byte for byte, and the download is audited")
  void attachmentDownload() {
    byte[] photo = {(byte) 0xFF, (byte) 0xD8, 7, 8, 9};
    Forms.Multipart body =
        new Forms.Multipart()
            .field("serviceId", "sperrmuell")
            .field("formData", BULKY_WASTE)
            .file("attachments", "Schrank groß.jpg", "image/jpeg", photo);
    HttpResponse<String> created =
        api.post("/api/v1/applications", ANNA, body.contentType(), body.build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = object(created).getString("id");
    String attachment =
        object(created).getJsonArray("attachments").getJsonObject(0).getString("id");

    HttpResponse<byte[]> download =
        api.sendBytes(
            api.request("/api/v1/staff/applications/" + id + "/attachments/" + attachment, ORDNUNG)
                .GET()
                .build());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(photo);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("UTF-8''Schrank%20gro%C3%9F.jpg");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(api.getList("/api/v1/staff/applications/" + id + "/audit", ORDNUNG))
        .extracting(e -> e.getString("action"))
        .contains("ATTACHMENT_READ");
    assertProblem(
        api.get("/api/v1/staff/applications/" + id + "/attachments/gibt-es-nicht", ORDNUNG),
        404,
        "BB-2010");
  }

  @Test
  @DisplayName(
      "a status change needs a known target status, and a note of at most 2 000 characters")
  void transitionInput() {
    String id = submit(ANNA, "sperrmuell", BULKY_WASTE);
    JsonObject unknown =
        assertProblem(transition(ORDNUNG, id, "{\"to\":\"ERLEDIGT\"}"), 400, "BB-1001");
    assertThat(unknown.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("to");
    assertProblem(transition(ORDNUNG, id, "{}"), 400, "BB-1001");
    assertProblem(
        transition(ORDNUNG, id, "{\"to\":\"IN_PROGRESS\",\"note\":\"" + "x".repeat(2001) + "\"}"),
        400,
        "BB-1001");
    assertThat(api.getObject("/api/v1/applications/" + id, ANNA).getString("status"))
        .isIn("SUBMITTED", "RECEIVED");
  }

  @Test
  @DisplayName("the staff API refuses citizens (403) and anonymous callers (401)")
  void onlyStaff() {
    assertProblem(api.get("/api/v1/staff/inbox", ANNA), 403, "BB-1007");
    assertProblem(api.get("/api/v1/staff/inbox", TestCaller.ANONYMOUS), 401, "BB-1006");
  }
}
