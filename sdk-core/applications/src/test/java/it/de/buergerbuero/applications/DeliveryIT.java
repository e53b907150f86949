package it.de.buergerbuero.applications;

import static de.buergerbuero.testing.ModuleApi.assertProblem;
import static de.buergerbuero.testing.ModuleApi.await;
import static de.buergerbuero.testing.ModuleApi.object;
import static it.de.buergerbuero.applications.Forms.BULKY_WASTE;
import static it.de.buergerbuero.applications.Forms.application;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.crypto.Hashes;
import de.buergerbuero.testing.ModuleApi;
import de.buergerbuero.testing.TestCaller;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ArquillianTest
@DisplayName(
    "The Bescheid reaches the applicant: postbox with consent, else by post, else print queue")
class DeliveryIT {
  static final TestCaller ORDNUNG = TestCaller.clerk("clerk-ordnung", "ordnungsamt");
  static final TestCaller GEWERBE = TestCaller.clerk("clerk-gewerbe", "gewerbe");
  static final String WITH_ADDRESS =
      "{\"address\":{\"street\":\"Hauptstraße 1\",\"postalCode\":\"12345\",\"city\":\"Teststadt\"},"
          + "\"items\":[\"Sofa\"],\"email\":\"lotte@example.org\"}";

  /** How many Bescheide the outage test issues (the issue asks for 500: -Dit.decisions=500). */
  static final int DECISIONS = Integer.getInteger("it.decisions", 40);

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

  private void issue(String id) {
    HttpResponse<String> r =
        api.postJson(
            "/api/v1/staff/applications/" + id + "/decision",
            ORDNUNG,
            "{\"outcome\":\"APPROVED\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private List<JsonObject> delivered(String kind) {
    return api.getList("/api/test/deliveries/" + kind, null);
  }

  private List<JsonObject> deliveredFor(String kind, String reference) {
    return delivered(kind).stream()
        .filter(d -> d.getString("reference").equals(reference))
        .toList();
  }

  private List<JsonObject> deliveries(String id, TestCaller as) {
    JsonObject decision = api.getObject("/api/v1/applications/" + id, as).getJsonObject("decision");
    return decision.getJsonArray("deliveries").getValuesAs(JsonObject.class);
  }

  private void channel(String kind, boolean on) {
    HttpResponse<String> r =
        api.send(
            api.request("/api/test/deliveries/" + kind + "/available?on=" + on, null)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(r.statusCode()).isEqualTo(204);
  }

  @Test
  @DisplayName(
      "with a postbox and consent the PDF/A goes to the postbox, the same bytes as in 'Meine Anträge'")
  void postbox() {
    String handle = UUID.randomUUID().toString();
    TestCaller dora = TestCaller.citizenWithPostbox("dora", handle);
    String id = cases.inProgress(dora, "sperrmuell", WITH_ADDRESS);
    JsonObject before = api.getObject("/api/v1/applications/" + id, dora);
    assertThat(before.getBoolean("postboxAvailable")).isTrue();
    assertThat(before.getBoolean("postboxConsent")).isFalse();
    HttpResponse<String> consent =
        api.send(
            api.request("/api/v1/applications/" + id + "/postbox-consent", dora)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"consent\":true}"))
                .build());
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
    assertThat(object(consent).getBoolean("postboxConsent")).isTrue();

    issue(id);
    String reference = before.getString("reference");
    await(
        "in the postbox", Duration.ofSeconds(30), () -> !deliveredFor("zbp", reference).isEmpty());
    JsonObject got = deliveredFor("zbp", reference).get(0);
    assertThat(got.getString("address")).isEqualTo(handle);
    byte[] pdf =
        api.sendBytes(api.request("/api/v1/applications/" + id + "/decision", dora).GET().build())
            .body();
    assertThat(got.getJsonArray("documents").getJsonObject(0).getString("sha256"))
        .isEqualTo(Hashes.sha256Hex(pdf));
    assertThat(deliveredFor("hybridmail", reference)).isEmpty();
    await(
        "recorded",
        Duration.ofSeconds(10),
        () -> deliveries(id, dora).stream().anyMatch(d -> d.getString("channel").equals("zbp")));
  }

  @Test
  @DisplayName(
      "without a postbox the letter goes by post; returned, it waits in the department's print queue until posted by hand")
  void returnedLetter() throws Exception {
    TestCaller lotte = TestCaller.citizen("lotte");
    String id = cases.inProgress(lotte, "sperrmuell", WITH_ADDRESS);
    String reference = api.getObject("/api/v1/applications/" + id, lotte).getString("reference");
    issue(id);
    await("posted", Duration.ofSeconds(30), () -> !deliveredFor("hybridmail", reference).isEmpty());
    JsonObject letter = deliveredFor("hybridmail", reference).get(0);
    byte[] pdf =
        api.sendBytes(api.request("/api/v1/applications/" + id + "/decision", lotte).GET().build())
            .body();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .as("the address for the envelope's window")
          .contains("Lotte Muster", "Hauptstraße 1", "12345 Teststadt");
    }
    assertThat(letter.getString("address"))
        .isEqualTo("Lotte Muster, Hauptstraße 1, 12345 Teststadt");
    await(
        "recorded",
        Duration.ofSeconds(10),
        () ->
            deliveries(id, lotte).stream()
                .anyMatch(d -> d.getString("channel").equals("hybridmail")));
    assertThat(deliveries(id, lotte))
        .filteredOn(d -> d.getString("channel").equals("zbp"))
        .allSatisfy(d -> assertThat(d.getString("state")).isEqualTo("REJECTED"));

    HttpResponse<String> report =
        api.send(
            api.request(
                    "/api/test/deliveries/hybridmail/report?state=FAILED&id="
                        + URLEncoder.encode(letter.getString("deliveryId"), StandardCharsets.UTF_8)
                        + "&reason="
                        + URLEncoder.encode("Empfänger unbekannt verzogen", StandardCharsets.UTF_8),
                    null)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(report.statusCode()).isEqualTo(204);
    await(
        "in the print queue",
        Duration.ofSeconds(10),
        () ->
            api.getList("/api/v1/staff/print-queue", ORDNUNG).stream()
                .anyMatch(j -> j.getString("applicationId").equals(id)));
    JsonObject job =
        api.getList("/api/v1/staff/print-queue", ORDNUNG).stream()
            .filter(j -> j.getString("applicationId").equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(job.getString("reason")).contains("verzogen");
    assertThat(job.getString("reference")).isEqualTo(reference);
    assertThat(api.getList("/api/v1/staff/print-queue", GEWERBE))
        .as("another department does not see it")
        .noneMatch(j -> j.getString("applicationId").equals(id));
    assertProblem(
        api.postJson("/api/v1/staff/print-queue/" + job.getString("id") + "/posted", GEWERBE, ""),
        404,
        "BB-2005");

    HttpResponse<String> posted =
        api.postJson("/api/v1/staff/print-queue/" + job.getString("id") + "/posted", ORDNUNG, "");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertProblem(
        api.postJson("/api/v1/staff/print-queue/" + job.getString("id") + "/posted", ORDNUNG, ""),
        409,
        "BB-2019");
    assertThat(api.getList("/api/v1/staff/print-queue", ORDNUNG))
        .noneMatch(j -> j.getString("applicationId").equals(id));
    assertThat(deliveries(id, lotte))
        .anySatisfy(d -> assertThat(d.getString("state")).isEqualTo("POSTED_BY_HAND"));
  }

  @Test
  @DisplayName(
      "no postbox and no complete address: straight to the print queue; consent without postbox is refused")
  void noChannel() {
    TestCaller emil = TestCaller.citizen("emil");
    String id = cases.inProgress(emil, "sperrmuell", BULKY_WASTE);
    assertProblem(
        api.send(
            api.request("/api/v1/applications/" + id + "/postbox-consent", emil)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"consent\":true}"))
                .build()),
        409,
        "BB-2020");
    issue(id);
    await(
        "in the print queue",
        Duration.ofSeconds(30),
        () ->
            api.getList("/api/v1/staff/print-queue", ORDNUNG).stream()
                .anyMatch(
                    j ->
                        j.getString("applicationId").equals(id)
                            && j.getString("channel").equals("none")));
  }

  @Test
  @DisplayName(
      "every channel down (postbox, letter, e-mail) while Bescheide are issued: after recovery each is delivered exactly once")
  void channelsDown() {
    List<String> kinds = List.of("zbp", "hybridmail", "email");
    kinds.forEach(k -> channel(k, false));
    TestCaller greta = TestCaller.citizenWithPostbox("greta", UUID.randomUUID().toString());
    TestCaller fritz = TestCaller.citizen("fritz");
    Map<String, TestCaller> who = new java.util.LinkedHashMap<>();
    try {
      for (int i = 0; i < DECISIONS; i++) {
        TestCaller applicant = i % 2 == 0 ? greta : fritz;
        HttpResponse<String> r =
            api.postJson(
                "/api/v1/applications", applicant, application("sperrmuell", WITH_ADDRESS));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = object(r).getString("id");
        who.put(id, applicant);
        if (applicant == greta) {
          HttpResponse<String> consent =
              api.send(
                  api.request("/api/v1/applications/" + id + "/postbox-consent", greta)
                      .header("Content-Type", "application/json")
                      .PUT(HttpRequest.BodyPublishers.ofString("{\"consent\":true}"))
                      .build());
          assertThat(consent.statusCode()).isEqualTo(200);
        }
      }
      await(
          "all filed",
          Duration.ofSeconds(120),
          () ->
              who.entrySet().stream()
                  .allMatch(
                      e ->
                          api.getObject("/api/v1/applications/" + e.getKey(), e.getValue())
                              .getString("status")
                              .equals("RECEIVED")));
      for (String id : who.keySet()) {
        assertThat(
                api.postJson(
                        "/api/v1/staff/applications/" + id + "/transitions",
                        ORDNUNG,
                        "{\"to\":\"IN_PROGRESS\"}")
                    .statusCode())
            .isEqualTo(200);
        issue(id);
      }
    } finally {
      kinds.forEach(k -> channel(k, true));
    }
    Map<String, String> references =
        who.keySet().stream()
            .collect(
                Collectors.toMap(
                    id -> id,
                    id ->
                        api.getObject("/api/v1/applications/" + id, who.get(id))
                            .getString("reference")));
    List<String> postbox =
        who.keySet().stream().filter(id -> who.get(id) == greta).map(references::get).toList();
    List<String> letters =
        who.keySet().stream().filter(id -> who.get(id) == fritz).map(references::get).toList();
    Function<String, Map<String, Long>> perReference =
        kind ->
            delivered(kind).stream()
                .filter(d -> references.containsValue(d.getString("reference")))
                .filter(d -> !kind.equals("email") || d.getString("subject").startsWith("Bescheid"))
                .collect(
                    Collectors.groupingBy(d -> d.getString("reference"), Collectors.counting()));
    await(
        "all delivered after recovery",
        Duration.ofSeconds(300),
        () ->
            perReference.apply("zbp").size() == postbox.size()
                && perReference.apply("hybridmail").size() == letters.size()
                && perReference.apply("email").size() == DECISIONS);
    assertThat(perReference.apply("zbp").keySet()).containsExactlyInAnyOrderElementsOf(postbox);
    assertThat(perReference.apply("hybridmail").keySet())
        .containsExactlyInAnyOrderElementsOf(letters);
    for (String kind : kinds) {
      assertThat(perReference.apply(kind).values()).as(kind).allMatch(n -> n == 1L);
    }
    System.out.println(
        "DeliveryIT.channelsDown: "
            + DECISIONS
            + " Bescheide issued with postbox, letter and e-mail channels down; after recovery "
            + perReference.apply("zbp").size()
            + " in the postbox, "
            + perReference.apply("hybridmail").size()
            + " by letter, "
            + perReference.apply("email").size()
            + " notices, each exactly once");
  }
}
