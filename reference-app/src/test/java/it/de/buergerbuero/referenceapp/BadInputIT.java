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
