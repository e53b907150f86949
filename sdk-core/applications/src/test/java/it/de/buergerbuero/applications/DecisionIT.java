package it.de.buergerbuero.applications;

import static de.buergerbuero.testing.ModuleApi.assertProblem;
import static de.buergerbuero.testing.ModuleApi.await;
import static de.buergerbuero.testing.ModuleApi.object;
import static it.de.buergerbuero.applications.Forms.BULKY_WASTE;
import static it.de.buergerbuero.applications.Forms.PARKING;
import static it.de.buergerbuero.applications.Forms.application;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.testing.ModuleApi;
import de.buergerbuero.testing.TestCaller;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ArquillianTest
@DisplayName("A clerk issues the Bescheid; the applicant downloads it and the DMS files it")
class DecisionIT {
  static final TestCaller ANNA = TestCaller.citizen("anna");
  static final TestCaller BERND = TestCaller.citizen("bernd");
  static final TestCaller ORDNUNG = TestCaller.clerk("clerk-ordnung", "ordnungsamt");
  static final TestCaller GEWERBE = TestCaller.clerk("clerk-gewerbe", "gewerbe");

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

  private HttpResponse<String> issue(String id, TestCaller clerk, String json) {
    return api.postJson("/api/v1/staff/applications/" + id + "/decision", clerk, json);
  }

  private HttpResponse<byte[]> bytes(HttpRequest request) {
    return api.sendBytes(request);
  }

  private static void assertPdfA(byte[] pdf) throws IOException {
    File f = Files.createTempFile("bescheid", ".pdf").toFile();
    try {
      Files.write(f.toPath(), pdf);
      ValidationResult result = PreflightParser.validate(f);
      assertThat(result.isValid()).as(String.valueOf(result.getErrorsList())).isTrue();
    } finally {
      Files.delete(f.toPath());
    }
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  @DisplayName(
      "preview, then approval: a PDF/A-1b with the form's plate and the fee, the same bytes for anna and in the case's Vorgang")
  void approval() throws IOException {
    String id = cases.inProgress("bewohnerparkausweis", PARKING);
    String request =
        "{\"outcome\":\"APPROVED\",\"freeText\":\"Bitte legen Sie den Ausweis gut sichtbar aus.\"}";

    HttpResponse<byte[]> preview =
        bytes(
            api.request("/api/v1/staff/applications/" + id + "/decision/preview", ORDNUNG)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request))
                .build());
    assertThat(preview.statusCode()).isEqualTo(200);
    assertPdfA(preview.body());
    assertThat(api.getObject("/api/v1/applications/" + id, ANNA).getString("status"))
        .as("a preview changes nothing")
        .isEqualTo("IN_PROGRESS");

    HttpResponse<String> issued = issue(id, ORDNUNG, request);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    assertThat(object(issued).getString("outcome")).isEqualTo("APPROVED");

    JsonObject mine = api.getObject("/api/v1/applications/" + id, ANNA);
    assertThat(mine.getString("status")).isEqualTo("APPROVED");
    String reference = mine.getString("reference");
    assertThat(mine.getJsonObject("decision").getString("fileName"))
        .isEqualTo("Bescheid-" + reference + ".pdf");

    HttpResponse<byte[]> download =
        bytes(api.request("/api/v1/applications/" + id + "/decision", ANNA).GET().build());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
    byte[] pdf = download.body();
    assertPdfA(pdf);
    assertThat(text(pdf))
        .contains(reference, "Stadt Teststadt", "Rathausplatz 1", "TS-AB 123", "Zone A")
        .contains("Gebühr: 30,00 EUR (je Jahr)", "Verwaltungsgericht Teststadt")
        .contains("Bitte legen Sie den Ausweis gut sichtbar aus.", "English translation");

    String caseId = cases.dmsCaseId(id);
    await(
        "the Bescheid in the Vorgang",
        Duration.ofSeconds(30),
        () ->
            cases.dmsDocuments(caseId).stream()
                .anyMatch(d -> d[1].equals("Bescheid-" + reference + ".pdf")));
    String[] filed =
        cases.dmsDocuments(caseId).stream()
            .filter(d -> d[1].startsWith("Bescheid-"))
            .findFirst()
            .orElseThrow();
    byte[] inDms = cases.dmsDocument(filed[0]);
    assertThat(Arrays.equals(inDms, pdf)).as("the DMS has the very bytes anna got").isTrue();
    await(
        "filed flag",
        Duration.ofSeconds(10),
        () ->
            api.getObject("/api/v1/applications/" + id, ANNA)
                .getJsonObject("decision")
                .getBoolean("filed"));

    var trail = api.getList("/api/v1/staff/applications/" + id + "/audit", ORDNUNG);
    assertThat(trail)
        .extracting(e -> e.getString("action"))
        .contains("DECISION_PREVIEWED", "DECISION_ISSUED");
  }

  @Test
  @DisplayName(
      "one Bescheid per application; none before the case is in progress; others see nothing")
  void refusals() {
    String id = cases.inProgress("sperrmuell", BULKY_WASTE);
    assertProblem(api.get("/api/v1/applications/" + id + "/decision", ANNA), 404, "BB-2015");
    assertThat(issue(id, ORDNUNG, "{\"outcome\":\"REJECTED\"}").statusCode()).isEqualTo(201);
    assertProblem(issue(id, ORDNUNG, "{\"outcome\":\"REJECTED\"}"), 409, "BB-2017");
    assertProblem(api.get("/api/v1/applications/" + id + "/decision", BERND), 404, "BB-2005");
    assertProblem(issue(id, GEWERBE, "{\"outcome\":\"APPROVED\"}"), 404, "BB-2005");
    assertProblem(
        api.get("/api/v1/staff/applications/" + id + "/decision", GEWERBE), 404, "BB-2005");

    HttpResponse<String> fresh =
        api.postJson("/api/v1/applications", ANNA, application("sperrmuell", BULKY_WASTE));
    String notYet = object(fresh).getString("id");
    assertProblem(issue(notYet, ORDNUNG, "{\"outcome\":\"APPROVED\"}"), 409, "BB-1009");
  }

  @Test
  @DisplayName("two clerks issuing at the same moment: one Bescheid, the other gets BB-2017")
  void concurrentIssue() throws Exception {
    String id = cases.inProgress("sperrmuell", BULKY_WASTE);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Callable<HttpResponse<String>>> calls =
          java.util.Collections.nCopies(4, () -> issue(id, ORDNUNG, "{\"outcome\":\"REJECTED\"}"));
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var f : pool.invokeAll(calls)) {
        HttpResponse<String> r = f.get();
        statuses.add(r.statusCode());
        if (r.statusCode() == 409) {
          assertProblem(r, 409, "BB-2017");
        }
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "an outcome other than APPROVED or REJECTED and a free text longer than the template allows are refused, and nothing is issued")
  void invalidRequests() {
    String id = cases.inProgress("bewohnerparkausweis", PARKING);
    assertProblem(issue(id, ORDNUNG, "{\"outcome\":\"CLOSED\"}"), 400, "BB-1001");
    assertProblem(issue(id, ORDNUNG, "{}"), 400, "BB-1001");
    assertProblem(
        issue(id, ORDNUNG, "{\"outcome\":\"APPROVED\",\"freeText\":\"" + "x".repeat(201) + "\"}"),
        400,
        "BB-1001");
    assertThat(api.getObject("/api/v1/applications/" + id, ANNA).getString("status"))
        .isEqualTo("IN_PROGRESS");
  }

  @Test
  @DisplayName("a Bescheid issued while the DMS is down is filed once, after it is back")
  void dmsDown() {
    String id = cases.inProgress("sperrmuell", BULKY_WASTE);
    String caseId = cases.dmsCaseId(id);
    cases.setDms(false);
    try {
      assertThat(issue(id, ORDNUNG, "{\"outcome\":\"APPROVED\"}").statusCode()).isEqualTo(201);
      assertThat(
              api.getObject("/api/v1/applications/" + id, ANNA)
                  .getJsonObject("decision")
                  .getBoolean("filed"))
          .isFalse();
    } finally {
      cases.setDms(true);
    }
    await(
        "filed after the outage",
        Duration.ofSeconds(30),
        () ->
            api.getObject("/api/v1/applications/" + id, ANNA)
                .getJsonObject("decision")
                .getBoolean("filed"));
    assertThat(
            cases.dmsDocuments(caseId).stream().filter(d -> d[1].startsWith("Bescheid-")).count())
        .isEqualTo(1);
    // anna gave an e-mail address in the form: she is told, without the decision itself
    String reference = api.getObject("/api/v1/applications/" + id, ANNA).getString("reference");
    await(
        "decision notice by e-mail",
        Duration.ofSeconds(20),
        () ->
            api.getList("/api/test/notices", null).stream()
                .anyMatch(
                    n ->
                        n.getString("reference").equals(reference)
                            && n.getString("subject").startsWith("Bescheid")));
    assertThat(api.getList("/api/test/notices", null))
        .filteredOn(n -> n.getString("reference").equals(reference))
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.getString("text"))
                    .doesNotContain("APPROVED", "bewilligt", "stattgegeben"));
  }
}
