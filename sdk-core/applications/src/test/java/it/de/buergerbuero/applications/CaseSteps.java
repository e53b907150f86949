package it.de.buergerbuero.applications;

import static de.buergerbuero.testing.ModuleApi.await;
import static de.buergerbuero.testing.ModuleApi.object;
import static it.de.buergerbuero.applications.Forms.application;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.testing.ModuleApi;
import de.buergerbuero.testing.TestCaller;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Steps of a case that several tests take: an application in progress, the DMS's view of it. */
final class CaseSteps {
  static final TestCaller ANNA = TestCaller.citizen("anna");
  static final TestCaller ORDNUNG = TestCaller.clerk("clerk-ordnung", "ordnungsamt");

  private final ModuleApi api;

  CaseSteps(ModuleApi api) {
    this.api = api;
  }

  /** An application of anna's, filed and in progress at the ordnungsamt. */
  String inProgress(String serviceId, String form) {
    return inProgress(ANNA, serviceId, form);
  }

  /** An application of this applicant's, filed and in progress at the ordnungsamt. */
  String inProgress(TestCaller applicant, String serviceId, String form) {
    HttpResponse<String> r =
        api.postJson("/api/v1/applications", applicant, application(serviceId, form));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = object(r).getString("id");
    await(
        "filed",
        Duration.ofSeconds(30),
        () ->
            api.getObject("/api/v1/applications/" + id, applicant)
                .getString("status")
                .equals("RECEIVED"));
    HttpResponse<String> started =
        api.postJson(
            "/api/v1/staff/applications/" + id + "/transitions",
            ORDNUNG,
            "{\"to\":\"IN_PROGRESS\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return id;
  }

  String dmsCaseId(String id) {
    return api.getObject("/api/v1/staff/applications/" + id, ORDNUNG).getString("dmsCaseId");
  }

  /** The DMS's documents of a case: id, file name, size. */
  List<String[]> dmsDocuments(String caseId) {
    HttpResponse<String> r =
        api.get("/api/test/dms/cases/" + URLEncoder.encode(caseId, StandardCharsets.UTF_8), null);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body().lines().map(l -> l.split("\t")).toList();
  }

  byte[] dmsDocument(String documentId) {
    return api.sendBytes(
            api.request(
                    "/api/test/dms/documents?id="
                        + URLEncoder.encode(documentId, StandardCharsets.UTF_8),
                    null)
                .GET()
                .build())
        .body();
  }

  void setDms(boolean available) {
    HttpResponse<String> r =
        api.send(
            api.request("/api/test/dms/available", null)
                .PUT(HttpRequest.BodyPublishers.ofString(Boolean.toString(available)))
                .build());
    assertThat(r.statusCode()).isEqualTo(204);
  }
}
