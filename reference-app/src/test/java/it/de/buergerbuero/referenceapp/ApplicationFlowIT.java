package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A citizen applies and a clerk decides")
class ApplicationFlowIT {

  @Test
  @DisplayName(
      "anna's application is filed in the DMS, handled by the ordnungsamt and its every step is visible to her")
  void wholeFlow() throws Exception {
    JsonObject created = submit("anna", "bewohnerparkausweis", PARKING);
    String id = created.getString("id");
    assertThat(created.getString("reference")).matches("MS-\\d{4}-\\d{6}");
    assertThat(created.getString("status")).isEqualTo("SUBMITTED");

    // Filing through the outbox marks it received
    await(
        "filed and received", Duration.ofSeconds(60), () -> status("anna", id).equals("RECEIVED"));

    // The receipt is a PDF naming the reference and the service
    HttpResponse<byte[]> receipt =
        sendBytes(request("/api/v1/applications/" + id + "/receipt", "anna").GET().build());
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type")).contains("application/pdf");
    try (var pdf = Loader.loadPDF(receipt.body())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains(created.getString("reference"))
          .contains("Bewohnerparkausweis")
          .contains("MS-AB 123");
    }

    // Her list holds it
    assertThat(array(get("/api/v1/applications", "anna")).getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("id"))
        .contains(id);

    // The ordnungsamt clerk finds it in the inbox, opens it and starts work
    assertThat(
            array(get("/api/v1/staff/inbox?status=RECEIVED", "clerk-ordnung"))
                .getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("id"))
        .contains(id);
    JsonObject opened = object(get("/api/v1/staff/applications/" + id, "clerk-ordnung"));
    assertThat(opened.getString("applicantName")).isEqualTo("Anna Muster");
    assertThat(opened.getJsonObject("formData").getString("licensePlate")).isEqualTo("MS-AB 123");
    assertThat(opened.getString("dmsCaseId")).startsWith("fs-");

    HttpResponse<String> started =
        postJson(
            "/api/v1/staff/applications/" + id + "/transitions",
            "clerk-ordnung",
            "{\"to\":\"IN_PROGRESS\",\"note\":\"Wir prüfen Ihren Antrag.\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    HttpResponse<String> approved =
        postJson(
            "/api/v1/staff/applications/" + id + "/transitions",
            "clerk-ordnung",
            "{\"to\":\"APPROVED\",\"note\":\"Ausweis wird zugesandt.\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

    // An illegal jump is refused with a code
    assertProblem(
        postJson(
            "/api/v1/staff/applications/" + id + "/transitions",
            "clerk-ordnung",
            "{\"to\":\"IN_PROGRESS\"}"),
        409,
        "BB-1009");

    // anna sees status and the clerk's notes in the history
    JsonObject mine = object(get("/api/v1/applications/" + id, "anna"));
    assertThat(mine.getString("status")).isEqualTo("APPROVED");
    assertThat(mine.getJsonArray("history").getValuesAs(JsonObject.class))
        .extracting(h -> h.getString("to"))
        .containsExactly("SUBMITTED", "RECEIVED", "IN_PROGRESS", "APPROVED");
    assertThat(mine.getJsonArray("history").getValuesAs(JsonObject.class))
        .extracting(h -> h.containsKey("note") ? h.getString("note") : "")
        .contains("Wir prüfen Ihren Antrag.", "Ausweis wird zugesandt.");

    // After a decision she can no longer withdraw
    assertProblem(postJson("/api/v1/applications/" + id + "/withdraw", "anna", ""), 409, "BB-2006");

    // The audit trail holds the clerk's read and every status change
    var trail =
        array(get("/api/v1/staff/applications/" + id + "/audit", "clerk-ordnung"))
            .getValuesAs(JsonObject.class);
    assertThat(trail)
        .extracting(e -> e.getString("action"))
        .contains("APPLICATION_SUBMITTED", "APPLICATION_READ", "STATUS_CHANGED");
    assertThat(trail).extracting(e -> e.getString("actor")).contains("staff:clerk-ordnung");
  }

  @Test
  @DisplayName("an applicant withdraws an application before a decision")
  void withdraw() {
    String id = submit("anna", "sperrmuell", BULKY_WASTE).getString("id");
    HttpResponse<String> r = postJson("/api/v1/applications/" + id + "/withdraw", "anna", "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(object(r).getString("status")).isEqualTo("WITHDRAWN");
  }

  @Test
  @DisplayName("attachments arrive with the application as multipart, umlauts in names intact")
  void multipartWithAttachments() {
    String boundary = "----bb" + System.nanoTime();
    byte[] body =
        Multipart.of(boundary)
            .field("serviceId", "sperrmuell")
            .field("formData", BULKY_WASTE)
            .file(
                "attachments",
                "Foto Küchenschrank.jpg",
                "image/jpeg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 3})
            .file(
                "attachments",
                "Foto Küchenschrank.jpg",
                "image/jpeg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 9})
            .build();
    HttpResponse<String> r =
        postBytes(
            "/api/v1/applications", "anna", "multipart/form-data; boundary=" + boundary, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    var attachments = object(r).getJsonArray("attachments").getValuesAs(JsonObject.class);
    assertThat(attachments)
        .extracting(a -> a.getString("fileName"))
        .containsExactly("Foto Küchenschrank.jpg", "Foto Küchenschrank (2).jpg");
    assertThat(attachments.get(0).getJsonNumber("size").longValue()).isEqualTo(5);
  }

  @Test
  @DisplayName(
      "an attachment of 3 MB is filed and downloaded by the clerk byte for byte as it was uploaded")
  void attachmentRoundTrip() {
    byte[] pdf = new byte[3 * 1024 * 1024];
    new java.util.Random(14).nextBytes(pdf);
    byte[] head = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, pdf, 0, head.length);
    String boundary = "----bb" + System.nanoTime();
    byte[] body =
        Multipart.of(boundary)
            .field("serviceId", "bewohnerparkausweis")
            .field("formData", PARKING)
            .file("attachments", "Fahrzeugschein.pdf", "application/pdf", pdf)
            .build();
    HttpResponse<String> r =
        postBytes(
            "/api/v1/applications", "anna", "multipart/form-data; boundary=" + boundary, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = object(r).getString("id");
    String attachment = object(r).getJsonArray("attachments").getJsonObject(0).getString("id");
    await(
        "filed and received", Duration.ofSeconds(60), () -> status("anna", id).equals("RECEIVED"));
    HttpResponse<byte[]> download =
        sendBytes(
            request(
                    "/api/v1/staff/applications/" + id + "/attachments/" + attachment,
                    "clerk-ordnung")
                .GET()
                .build());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(download.body()).isEqualTo(pdf);
  }

  @Test
  @DisplayName("the catalogue lists at least 20 services, searchable and filterable by department")
  void catalogue() {
    var all = array(get("/api/v1/services", null)).getValuesAs(JsonObject.class);
    assertThat(all).hasSizeGreaterThanOrEqualTo(20);
    assertThat(all).allSatisfy(s -> assertThat(s.getString("leikaKey")).matches("\\d{14}"));
    assertThat(array(get("/api/v1/services?q=Sperrm%C3%BCll", null)).getValuesAs(JsonObject.class))
        .extracting(s -> s.getString("id"))
        .contains("sperrmuell");
    assertThat(
            array(get("/api/v1/services?department=gewerbe", null)).getValuesAs(JsonObject.class))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.getString("department")).isEqualTo("gewerbe"));
    JsonObject detail = object(get("/api/v1/services/gewerbeanmeldung", null));
    assertThat(
            detail
                .getJsonObject("formSchema")
                .getJsonArray("required")
                .getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .contains("businessName");
    assertThat(detail.getString("trustLevel")).isEqualTo("substantial");
  }

  @Test
  @DisplayName("health, OpenAPI and metrics endpoints answer")
  void operations() {
    assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
    assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
    HttpResponse<String> openapi = get("/openapi", null);
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/applications").contains("/api/v1/staff/inbox");
    assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
  }
}
