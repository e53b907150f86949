package it.de.buergerbuero.applications;

import static de.buergerbuero.testing.ModuleApi.assertProblem;
import static de.buergerbuero.testing.ModuleApi.await;
import static de.buergerbuero.testing.ModuleApi.object;
import static it.de.buergerbuero.applications.Forms.BULKY_WASTE;
import static it.de.buergerbuero.applications.Forms.PARKING;
import static it.de.buergerbuero.applications.Forms.TRADE;
import static it.de.buergerbuero.applications.Forms.application;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.testing.ModuleApi;
import de.buergerbuero.testing.TestCaller;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ArquillianTest
@DisplayName("A citizen or company applies, tracks and withdraws an application")
class CitizenApplicationIT {
  static final TestCaller ANNA = TestCaller.citizen("anna");
  static final TestCaller BEN = TestCaller.citizen("ben");

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

  JsonObject submit(TestCaller as, String serviceId, String formData) {
    HttpResponse<String> r =
        api.postJson("/api/v1/applications", as, application(serviceId, formData));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return object(r);
  }

  String status(TestCaller as, String id) {
    return api.getObject("/api/v1/applications/" + id, as).getString("status");
  }

  @Test
  @DisplayName(
      "an accepted application gets a reference, is filed in the DMS and then shows as received")
  void acceptedFiledReceived() {
    HttpResponse<String> r =
        api.postJson("/api/v1/applications", ANNA, application("sperrmuell", BULKY_WASTE));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject created = object(r);
    String id = created.getString("id");
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/applications/" + id);
    assertThat(created.getString("reference")).matches("TS-\\d{4}-\\d{6}");
    assertThat(created.getString("status")).isEqualTo("SUBMITTED");

    await("filed and received", Duration.ofSeconds(30), () -> status(ANNA, id).equals("RECEIVED"));
    assertThat(dmsCaseOf(id)).startsWith("mem-");
    assertThat(api.getObject("/api/v1/applications/" + id, ANNA).getJsonArray("history"))
        .extracting(h -> h.asJsonObject().getString("to"))
        .containsExactly("SUBMITTED", "RECEIVED");
  }

  @Test
  @DisplayName("the receipt is a PDF naming the town, the reference, the service and the form data")
  void receipt() throws Exception {
    JsonObject created = submit(ANNA, "bewohnerparkausweis", PARKING);
    HttpResponse<byte[]> receipt =
        api.sendBytes(
            api.request("/api/v1/applications/" + created.getString("id") + "/receipt", ANNA)
                .GET()
                .build());
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(receipt.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("Eingangsbestaetigung-" + created.getString("reference") + ".pdf");
    try (var pdf = Loader.loadPDF(receipt.body())) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("Stadt Teststadt")
          .contains(created.getString("reference"))
          .contains("Bewohnerparkausweis")
          .contains("TS-AB 123");
    }
  }

  @Test
  @DisplayName("a citizen's list holds her applications and nobody else's")
  void ownApplicationsOnly() {
    String annas = submit(ANNA, "sperrmuell", BULKY_WASTE).getString("id");
    String bens = submit(BEN, "sperrmuell", BULKY_WASTE).getString("id");
    assertThat(api.getList("/api/v1/applications", ANNA))
        .extracting(a -> a.getString("id"))
        .contains(annas)
        .doesNotContain(bens);
    // another person's application does not exist for her, not even as "forbidden"
    assertProblem(api.get("/api/v1/applications/" + bens, ANNA), 404, "BB-2005");
    assertProblem(api.get("/api/v1/applications/" + bens + "/receipt", ANNA), 404, "BB-2005");
    assertProblem(
        api.postJson("/api/v1/applications/" + bens + "/withdraw", ANNA, ""), 404, "BB-2005");
    assertThat(status(BEN, bens)).isNotEqualTo("WITHDRAWN");
  }

  @Test
  @DisplayName("a login below the service's trust level is refused with BB-1010, nothing is stored")
  void trustLevelTooLow() {
    TestCaller weak = TestCaller.citizen("carla", TrustLevel.LOW);
    assertProblem(
        api.postJson("/api/v1/applications", weak, application("bewohnerparkausweis", PARKING)),
        403,
        "BB-1010");
    assertThat(api.getList("/api/v1/applications", weak)).isEmpty();
    // the same login may use a service without a trust level requirement
    submit(weak, "sperrmuell", BULKY_WASTE);
  }

  @Test
  @DisplayName("a company may register a trade but not apply for a resident parking permit")
  void applicantKinds() {
    TestCaller company = TestCaller.company("baeckerei", TrustLevel.SUBSTANTIAL);
    assertThat(submit(company, "gewerbeanmeldung", TRADE).getString("status"))
        .isEqualTo("SUBMITTED");
    assertProblem(
        api.postJson("/api/v1/applications", company, application("bewohnerparkausweis", PARKING)),
        403,
        "BB-2007");
  }

  @Test
  @DisplayName("form data that breaks the service's schema is 422 BB-2002 naming the field")
  void invalidFormData() {
    JsonObject problem =
        assertProblem(
            api.postJson(
                "/api/v1/applications",
                ANNA,
                application("bewohnerparkausweis", "{\"licensePlate\":\"kaputt\",\"zone\":\"A\"}")),
            422,
            "BB-2002");
    assertThat(problem.getJsonArray("errors"))
        .extracting(e -> e.asJsonObject().getString("field"))
        .anySatisfy(f -> assertThat(f).contains("licensePlate"));
    assertProblem(
        api.postJson(
            "/api/v1/applications", ANNA, application("bewohnerparkausweis", "{\"zone\":\"A\"}")),
        422,
        "BB-2002");
  }

  @Test
  @DisplayName("unknown services, unreadable JSON and a missing service id are refused with codes")
  void badRequests() {
    assertProblem(
        api.postJson("/api/v1/applications", ANNA, application("gibt-es-nicht", "{}")),
        404,
        "BB-2001");
    assertProblem(api.postJson("/api/v1/applications", ANNA, "{\"serviceId\":"), 400, "BB-1002");
    assertProblem(api.postJson("/api/v1/applications", ANNA, "[1,2]"), 400, "BB-1002");
    JsonObject missing =
        assertProblem(
            api.postJson("/api/v1/applications", ANNA, "{\"formData\":{}}"), 400, "BB-1001");
    assertThat(missing.getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("serviceId");
  }

  @Test
  @DisplayName("without a login the citizen API answers 401, and a clerk is not an applicant")
  void onlyApplicants() {
    assertProblem(api.get("/api/v1/applications", TestCaller.ANONYMOUS), 401, "BB-1006");
    assertProblem(
        api.postJson(
            "/api/v1/applications", TestCaller.ANONYMOUS, application("sperrmuell", BULKY_WASTE)),
        401,
        "BB-1006");
    assertProblem(
        api.get("/api/v1/applications", TestCaller.clerk("clerk-ordnung", "ordnungsamt")),
        403,
        "BB-1007");
  }

  @Test
  @DisplayName("an applicant withdraws before a decision, and only once")
  void withdraw() {
    String id = submit(ANNA, "sperrmuell", BULKY_WASTE).getString("id");
    HttpResponse<String> r = api.postJson("/api/v1/applications/" + id + "/withdraw", ANNA, "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(object(r).getString("status")).isEqualTo("WITHDRAWN");
    assertProblem(
        api.postJson("/api/v1/applications/" + id + "/withdraw", ANNA, ""), 409, "BB-2006");
    assertThat(status(ANNA, id)).isEqualTo("WITHDRAWN");
  }

  @Test
  @DisplayName("attachments arrive with the application, umlauts intact and same names numbered")
  void attachments() {
    Forms.Multipart body =
        new Forms.Multipart()
            .field("serviceId", "sperrmuell")
            .field("formData", BULKY_WASTE)
            .file("attachments", "Foto Küchenschrank.jpg", "image/jpeg", jpeg(3))
            .file("attachments", "Foto Küchenschrank.jpg", "image/jpeg", jpeg(9));
    HttpResponse<String> r =
        api.post("/api/v1/applications", ANNA, body.contentType(), body.build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    var attachments = object(r).getJsonArray("attachments").getValuesAs(JsonObject.class);
    assertThat(attachments)
        .extracting(a -> a.getString("fileName"))
        .containsExactly("Foto Küchenschrank.jpg", "Foto Küchenschrank (2).jpg");
    assertThat(attachments)
        .extracting(a -> a.getJsonNumber("size").longValue())
        .containsExactly(5L, 5L);
  }

  @Test
  @DisplayName(
      "too large, too many, unsafely named or unknown parts are refused and nothing stored")
  void attachmentLimits() {
    int before = api.getList("/api/v1/applications", BEN).size();
    Forms.Multipart tooLarge =
        new Forms.Multipart()
            .field("serviceId", "sperrmuell")
            .field("formData", BULKY_WASTE)
            .file("attachments", "gross.pdf", "application/pdf", new byte[2048]);
    assertProblem(multipart(tooLarge), 413, "BB-2004");

    Forms.Multipart tooMany =
        new Forms.Multipart().field("serviceId", "sperrmuell").field("formData", BULKY_WASTE);
    for (int i = 0; i < 4; i++) {
      tooMany.file("attachments", "seite-" + i + ".pdf", "application/pdf", new byte[] {1});
    }
    assertProblem(multipart(tooMany), 400, "BB-2008");

    Forms.Multipart unsafe =
        new Forms.Multipart()
            .field("serviceId", "sperrmuell")
            .field("formData", BULKY_WASTE)
            .file("attachments", "../../etc/passwd", "text/plain", new byte[] {1});
    assertProblem(multipart(unsafe), 400, "BB-2003");

    Forms.Multipart unknownPart =
        new Forms.Multipart()
            .field("serviceId", "sperrmuell")
            .field("formData", BULKY_WASTE)
            .file("anhang", "brief.pdf", "application/pdf", new byte[] {1});
    assertProblem(multipart(unknownPart), 400, "BB-1001");

    assertThat(api.getList("/api/v1/applications", BEN)).hasSize(before);
  }

  private HttpResponse<String> multipart(Forms.Multipart body) {
    return api.post("/api/v1/applications", BEN, body.contentType(), body.build());
  }

  @Test
  @DisplayName("while the DMS is down applications are still accepted, and filed once it is back")
  void dmsOutage() {
    setDmsAvailable(false);
    String id;
    try {
      id = submit(ANNA, "sperrmuell", BULKY_WASTE).getString("id");
      await(
          "a failed delivery attempt",
          Duration.ofSeconds(30),
          () ->
              api.getList("/api/v1/admin/outbox?state=PENDING", TestCaller.admin("admin")).stream()
                  .anyMatch(
                      o ->
                          o.getString("idempotencyKey").endsWith(id)
                              && o.containsKey("lastError")));
      assertThat(status(ANNA, id)).isEqualTo("SUBMITTED");
      assertThat(dmsCaseOf(id)).isNull();
    } finally {
      setDmsAvailable(true);
    }
    await(
        "filed after the outage",
        Duration.ofSeconds(30),
        () -> status(ANNA, id).equals("RECEIVED"));
    assertThat(dmsCaseOf(id)).startsWith("mem-");
  }

  /** The DMS case the application was filed under, as an administrator sees it; null if none. */
  private String dmsCaseOf(String id) {
    JsonObject view = api.getObject("/api/v1/staff/applications/" + id, TestCaller.admin("admin"));
    return !view.containsKey("dmsCaseId") || view.isNull("dmsCaseId")
        ? null
        : view.getString("dmsCaseId");
  }

  private void setDmsAvailable(boolean available) {
    HttpResponse<String> r =
        api.send(
            api.request("/api/test/dms/available", null)
                .PUT(HttpRequest.BodyPublishers.ofString(Boolean.toString(available)))
                .build());
    assertThat(r.statusCode()).isEqualTo(204);
  }

  /** The start of a JPEG file (SOI + JFIF APP0 marker): detected as image/jpeg from its bytes. */
  private static byte[] jpeg(int tail) {
    return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, (byte) tail};
  }
}
