package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Who may see and do what")
class AuthorizationIT {
  static String annasParking;

  @BeforeAll
  static void annaApplies() {
    annasParking = submit("anna", "bewohnerparkausweis", PARKING).getString("id");
  }

  @Test
  @DisplayName("ben cannot see anna's application: it does not exist for him (404)")
  void otherCitizen() {
    assertProblem(get("/api/v1/applications/" + annasParking, "ben"), 404, "BB-2005");
    assertProblem(get("/api/v1/applications/" + annasParking + "/receipt", "ben"), 404, "BB-2005");
    assertProblem(
        postJson("/api/v1/applications/" + annasParking + "/withdraw", "ben", ""), 404, "BB-2005");
    assertThat(array(get("/api/v1/applications", "ben")).getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("id"))
        .doesNotContain(annasParking);
  }

  @Test
  @DisplayName(
      "a gewerbe clerk cannot see an ordnungsamt application (404), nor find it in the inbox")
  void otherDepartment() {
    assertProblem(
        get("/api/v1/staff/applications/" + annasParking, "clerk-gewerbe"), 404, "BB-2005");
    assertProblem(
        postJson(
            "/api/v1/staff/applications/" + annasParking + "/transitions",
            "clerk-gewerbe",
            "{\"to\":\"IN_PROGRESS\"}"),
        404,
        "BB-2005");
    assertProblem(
        get("/api/v1/staff/applications/" + annasParking + "/audit", "clerk-gewerbe"),
        404,
        "BB-2005");
    assertThat(array(get("/api/v1/staff/inbox", "clerk-gewerbe")).getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("id"))
        .doesNotContain(annasParking);
    assertThat(array(get("/api/v1/staff/inbox", "clerk-gewerbe")).getValuesAs(JsonObject.class))
        .allSatisfy(o -> assertThat(o.getString("department")).isEqualTo("gewerbe"));
  }

  @Test
  @DisplayName(
      "a login below the service's trust level gets 403 with a step-up hint; a stronger login succeeds")
  void trustLevel() {
    JsonObject problem =
        assertProblem(
            postJson(
                "/api/v1/applications",
                "ben",
                "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + PARKING + "}"),
            403,
            "BB-1010");
    assertThat(problem.getString("requiredTrustLevel")).isEqualTo("substantial");
    HttpResponse<String> stepUp =
        send(
            request("/api/v1/applications", "ben")
                .header("Content-Type", "application/json")
                .header("X-Development-Trust-Level", "high")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + PARKING + "}"))
                .build());
    assertThat(stepUp.statusCode()).as(stepUp.body()).isEqualTo(201);
    // a service with trust level "none" is open to ben as he is
    submit("ben", "sperrmuell", BULKY_WASTE);
  }

  @Test
  @DisplayName("a company may apply for company services but not for citizen-only ones")
  void company() {
    submit(
        "firma",
        "gewerbeanmeldung",
        "{\"businessName\":\"Musterbau GmbH\",\"activity\":\"Hochbau\",\"start\":\"2027-01-01\",\"address\":{\"street\":\"Industriestr. 5\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}}");
    assertProblem(
        postJson(
            "/api/v1/applications",
            "firma",
            "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + PARKING + "}"),
        403,
        "BB-2007");
  }

  @Test
  @DisplayName("without login: 401 with a challenge; roles are kept apart (403)")
  void roles() {
    HttpResponse<String> anonymous = get("/api/v1/applications", null);
    assertProblem(anonymous, 401, "BB-1006");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertProblem(get("/api/v1/staff/inbox", "anna"), 403, "BB-1007");
    assertProblem(
        postJson(
            "/api/v1/applications",
            "clerk-ordnung",
            "{\"serviceId\":\"sperrmuell\",\"formData\":" + BULKY_WASTE + "}"),
        403,
        "BB-1007");
    assertProblem(get("/api/v1/admin/outbox", "clerk-ordnung"), 403, "BB-1007");
    assertProblem(get("/api/v1/admin/audit/verification", "anna"), 403, "BB-1007");
  }

  @Test
  @DisplayName("the admin sees every department's applications")
  void admin() {
    assertThat(get("/api/v1/staff/applications/" + annasParking, "admin").statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("responses carry the security headers")
  void securityHeaders() {
    HttpResponse<String> r = get("/api/v1/services", null);
    assertThat(r.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
  }
}
