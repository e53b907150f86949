package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bad input is answered with a 4xx problem and the server stays healthy")
class BadInputIT {

  @AfterEach
  void serverStillHealthy() {
    assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("malformed JSON")
  void malformedJson() {
    assertProblem(
        postJson("/api/v1/applications", "anna", "{\"serviceId\": \"sperrmuell\", formData"),
        400,
        "BB-1002");
    assertProblem(postJson("/api/v1/applications", "anna", "[1,2]"), 400, "BB-1002");
    assertProblem(
        postJson("/api/v1/applications", "anna", "{\"serviceId\":\"a\",\"serviceId\":\"b\"}"),
        400,
        "BB-1002");
    assertProblem(postJson("/api/v1/applications", "anna", ""), 400, "BB-1002");
  }

  @Test
  @DisplayName("wrong content type")
  void wrongContentType() {
    assertProblem(
        postBytes(
            "/api/v1/applications", "anna", "text/plain", "hallo".getBytes(StandardCharsets.UTF_8)),
        415,
        "BB-1003");
  }

  @Test
  @DisplayName("unknown service")
  void unknownService() {
    assertProblem(
        postJson(
            "/api/v1/applications", "anna", "{\"serviceId\":\"gibt-es-nicht\",\"formData\":{}}"),
        404,
        "BB-2001");
    assertProblem(get("/api/v1/services/gibt-es-nicht", null), 404, "BB-2001");
  }

  @Test
  @DisplayName("form data violating the schema names every field")
  void schemaViolation() {
    JsonObject p =
        assertProblem(
            postJson(
                "/api/v1/applications",
                "anna",
                "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":{\"licensePlate\":\"nonsense\",\"zone\":\"Z\",\"unexpected\":1}}"),
            422,
            "BB-2002");
    assertThat(p.getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains("/formData/licensePlate", "/formData/zone", "/formData/vehicleHolder");
    assertProblem(
        postJson(
            "/api/v1/applications", "anna", "{\"serviceId\":\"sperrmuell\",\"formData\":\"text\"}"),
        422,
        "BB-2002");
  }

  @Test
  @DisplayName("an attachment above the limit is refused with 413")
  void oversizedAttachment() {
    String boundary = "b" + System.nanoTime();
    byte[] body =
        Multipart.of(boundary)
            .field("serviceId", "sperrmuell")
            .field("formData", BULKY_WASTE)
            .file(
                "attachments",
                "gross.bin",
                "application/octet-stream",
                new byte[20 * 1024 * 1024 + 1])
            .build();
    assertProblem(
        postBytes(
            "/api/v1/applications", "anna", "multipart/form-data; boundary=" + boundary, body),
        413,
        "BB-2004");
  }

  @Test
  @DisplayName(
      "an executable sent as invoice.pdf with type application/pdf is refused (415, BB-2012)")
  void executableAsPdf() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3C] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    assertProblem(multipart("invoice.pdf", "application/pdf", exe), 415, "BB-2012");
  }

  @Test
  @DisplayName("a type the service does not take is refused (415, BB-2013)")
  void typeNotAccepted() {
    byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
    assertProblem(multipart("bild.gif", "image/gif", gif), 415, "BB-2013");
  }

  @Test
  @DisplayName("a file name with a bidi override (rechnung\u202Efdp.exe) is refused (BB-2003)")
  void bidiOverrideInName() {
    assertProblem(multipart("rechnung\u202Efdp.exe", "application/pdf", PDF), 400, "BB-2003");
  }

  @Test
  @DisplayName(
      "attachments each below the file limit but together above 50 MB are refused (BB-2014)")
  void attachmentsTogetherTooLarge() {
    String boundary = "b" + System.nanoTime();
    Multipart m =
        Multipart.of(boundary).field("serviceId", "sperrmuell").field("formData", BULKY_WASTE);
    byte[] big = new byte[19 * 1024 * 1024];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    for (int i = 0; i < 3; i++) {
      m.file("attachments", "teil" + i + ".pdf", "application/pdf", big);
    }
    assertProblem(
        postBytes(
            "/api/v1/applications", "anna", "multipart/form-data; boundary=" + boundary, m.build()),
        413,
        "BB-2014");
  }

  private static final byte[] PDF =
      "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private static HttpResponse<String> multipart(String name, String type, byte[] content) {
    String boundary = "b" + System.nanoTime();
    byte[] body =
        Multipart.of(boundary)
            .field("serviceId", "sperrmuell")
            .field("formData", BULKY_WASTE)
            .file("attachments", name, type, content)
            .build();
    return postBytes(
        "/api/v1/applications", "anna", "multipart/form-data; boundary=" + boundary, body);
  }

  @Test
  @DisplayName("file names with ../ or control characters are refused")
  void unsafeFileNames() {
    for (String name :
        new String[] {
          "../../etc/passwd",
          "..\\windows\\win.ini",
          "bild\u0001.jpg",
          "tab\tname.jpg",
          "nul\u0000.jpg",
          "/absolut.pdf"
        }) {
      String boundary = "b" + System.nanoTime();
      byte[] body =
          Multipart.of(boundary)
              .field("serviceId", "sperrmuell")
              .field("formData", BULKY_WASTE)
              .file("attachments", name, "image/jpeg", new byte[] {1, 2, 3})
              .build();
      HttpResponse<String> r =
          postBytes(
              "/api/v1/applications", "anna", "multipart/form-data; boundary=" + boundary, body);
      assertThat(r.statusCode()).as(name + ": " + r.body()).isBetween(400, 499);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .as(name)
          .startsWith("application/problem+json");
    }
  }

  @Test
  @DisplayName("10 000 nested JSON arrays")
  void deepNesting() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertProblem(postJson("/api/v1/applications", "anna", deep), 400, "BB-1002");
    assertProblem(
        postJson(
            "/api/v1/applications",
            "anna",
            "{\"serviceId\":\"sperrmuell\",\"formData\":" + deep + "}"),
        400,
        "BB-1002");
  }

  @Test
  @DisplayName("invalid UTF-8")
  void invalidUtf8() {
    byte[] body =
        "{\"serviceId\":\"sperrmuell\",\"formData\":{\"x\":\"??\"}}"
            .getBytes(StandardCharsets.US_ASCII);
    body[body.length - 5] = (byte) 0xC3;
    body[body.length - 4] = (byte) 0x28;
    assertProblem(
        postBytes("/api/v1/applications", "anna", "application/json", body), 400, "BB-1002");
  }

  @Test
  @DisplayName("unknown paths, wrong methods and bad status values")
  void routing() {
    assertProblem(get("/api/v1/gibt-es-nicht", "anna"), 404, "BB-1004");
    assertProblem(send(request("/api/v1/services", null).DELETE().build()), 405, "BB-1005");
    assertProblem(get("/api/v1/applications/not-a-uuid", "anna"), 404, "BB-2005");
    assertProblem(
        postJson(
            "/api/v1/staff/applications/x/transitions", "clerk-ordnung", "{\"to\":\"FINISHED\"}"),
        400,
        "BB-1001");
    assertProblem(
        postJson("/api/v1/staff/applications/x/transitions", "clerk-ordnung", "{\"to\":"),
        400,
        "BB-1002");
  }
}
