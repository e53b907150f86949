package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.await;
import static it.de.buergerbuero.referenceapp.Api.get;
import static it.de.buergerbuero.referenceapp.Api.status;
import static it.de.buergerbuero.referenceapp.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.connector.dms.cmis.CmisInMemoryServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Friedhofsamt files into a CMIS repository (see the integration-test profile). The real CMIS
 * server is not running while the applications come in; it is started afterwards, and every
 * application must then be in the repository exactly once.
 */
@DisplayName("Nothing is lost when the CMIS repository is down")
class CmisOutageIT {
  private static final int APPLICATIONS = 1000;
  private static final String GRAVE =
      "{\"cemetery\":\"Hauptfriedhof Musterstadt\",\"graveNumber\":\"B-17\",\"years\":10}";
  private static final CmisInMemoryServer CMIS =
      new CmisInMemoryServer(
          Path.of(System.getProperty("cmis.server.dir")),
          Integer.parseInt(System.getProperty("cmis.port")));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @AfterAll
  static void stopCmis() {
    CMIS.stop();
  }

  @Test
  @DisplayName(
      "1 000 applications accepted while the CMIS server is stopped are all filed exactly once when it runs")
  void outage() throws Exception {
    Map<String, String> referenceById = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<JsonObject>> submissions = new ArrayList<>();
      for (int i = 0; i < APPLICATIONS; i++) {
        submissions.add(() -> submit("ben", "low", "grabnutzung-verlaengerung", GRAVE));
      }
      for (Future<JsonObject> f : pool.invokeAll(submissions)) {
        JsonObject application = f.get();
        referenceById.put(application.getString("id"), application.getString("reference"));
      }
    } finally {
      pool.shutdownNow();
    }
    String first = referenceById.keySet().iterator().next();
    AtomicReference<JsonObject> failedAttempt = new AtomicReference<>();
    await(
        "a failed delivery attempt",
        Duration.ofSeconds(60),
        () -> {
          failedAttempt.set(Api.pendingWithError(first));
          return failedAttempt.get() != null;
        });
    assertThat(failedAttempt.get().getString("lastError")).contains("CMIS-Server nicht erreichbar");
    assertThat(status("ben", first)).isEqualTo("SUBMITTED");

    CMIS.start();

    AtomicReference<String> lastSeen = new AtomicReference<>("nothing yet");
    try {
      await(
          "all filed after the CMIS server runs",
          Duration.ofSeconds(300),
          () -> {
            try {
              int filed = caseFolders().size();
              lastSeen.set(filed + " case folders");
              return filed >= APPLICATIONS;
            } catch (Exception notYet) {
              lastSeen.set(notYet.toString());
              return false;
            }
          });
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "; last seen: "
              + lastSeen.get()
              + "; outbox: "
              + get("/metrics?scope=application", null)
                  .body()
                  .lines()
                  .filter(l -> l.contains("outbox") && !l.startsWith("#"))
                  .toList(),
          e);
    }
    Thread.sleep(2000); // give a wrongly repeated delivery the chance to show up
    Map<String, String> folders = caseFolders();
    assertThat(folders).hasSize(APPLICATIONS);
    for (String reference : referenceById.values()) {
      List<String> mine =
          folders.keySet().stream().filter(name -> name.startsWith(reference + "_")).toList();
      assertThat(mine).as(reference).hasSize(1);
    }
    // every case folder holds the receipt and the form data, once
    for (String folderId : folders.values()) {
      assertThat(children(folderId))
          .hasSize(2)
          .anySatisfy(n -> assertThat(n).startsWith("Eingangsbestaetigung-MS-"))
          .anySatisfy(n -> assertThat(n).startsWith("Antragsdaten-MS-"));
    }
    await(
        "every application received",
        Duration.ofSeconds(60),
        () -> referenceById.keySet().stream().allMatch(id -> "RECEIVED".equals(status("ben", id))));
  }

  /** Case folder name → object id, below the configured base folder of the repository. */
  private static Map<String, String> caseFolders() throws Exception {
    StringBuilder path = new StringBuilder();
    for (String segment : System.getProperty("cmis.folder").split("/")) {
      if (!segment.isEmpty()) {
        path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
      }
    }
    JsonObject base = cmis("/root" + path + "?cmisselector=object&succinct=true");
    return childObjects(
        base.getJsonObject("succinctProperties").getString("cmis:objectId"), "cmis:objectId");
  }

  private static List<String> children(String folderId) throws Exception {
    return new ArrayList<>(childObjects(folderId, "cmis:name").keySet());
  }

  private static Map<String, String> childObjects(String folderId, String valueProperty)
      throws Exception {
    Map<String, String> byName = new HashMap<>();
    int skip = 0;
    while (true) {
      JsonObject page =
          cmis(
              "/root?objectId="
                  + folderId
                  + "&cmisselector=children&succinct=true&maxItems=500&skipCount="
                  + skip);
      var objects = page.getJsonArray("objects");
      for (JsonObject entry : objects.getValuesAs(JsonObject.class)) {
        JsonObject properties = entry.getJsonObject("object").getJsonObject("succinctProperties");
        byName.put(properties.getString("cmis:name"), properties.getString(valueProperty));
      }
      skip += objects.size();
      if (!page.getBoolean("hasMoreItems", false) || objects.isEmpty()) {
        return byName;
      }
    }
  }

  private static JsonObject cmis(String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        CMIS.browserUrl() + "/" + CmisInMemoryServer.REPOSITORY + pathAndQuery))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (CmisInMemoryServer.USER + ":" + CmisInMemoryServer.PASSWORD)
                                    .getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("CMIS " + r.statusCode() + ": " + r.body());
    }
    return Json.createReader(new StringReader(r.body())).readObject();
  }
}
