package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Nothing is lost when the DMS is down")
class DmsOutageIT {
  private static final Path DMS = DmsCases.DMS;
  private static final int APPLICATIONS = 1000;

  @Test
  @DisplayName(
      "1 000 applications accepted while the DMS is unwritable are all filed exactly once when it is back")
  void outage() throws Exception {
    Path moved = DMS.resolveSibling(DMS.getFileName() + "-away");
    Files.createDirectories(DMS);
    Files.move(DMS, moved);
    // A plain file where the directory belongs: writing fails even for root.
    Files.writeString(DMS, "DMS nicht verfügbar");
    List<String> ids = new ArrayList<>();
    try {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Callable<String>> submissions = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
          submissions.add(() -> submit("ben", "sperrmuell", BULKY_WASTE).getString("id"));
        }
        for (Future<String> f : pool.invokeAll(submissions)) {
          ids.add(f.get());
        }
      } finally {
        pool.shutdownNow();
      }
      String first = ids.get(0);
      var seen = new java.util.concurrent.atomic.AtomicReference<JsonObject>();
      await(
          "a failed delivery attempt",
          Duration.ofSeconds(60),
          () -> {
            seen.set(Api.pendingWithError(first));
            return seen.get() != null;
          });
      JsonObject entry = seen.get();
      assertThat(entry.getInt("attempts")).isGreaterThanOrEqualTo(1);
      assertThat(entry.getString("lastError")).contains("not writable");
      assertThat(status("ben", first)).isEqualTo("SUBMITTED");
      assertThat(get("/metrics?scope=application", null).body())
          .contains("buergerbuero_outbox_pending");
    } finally {
      Files.delete(DMS);
      Files.move(moved, DMS);
    }

    await(
        "all filed after the DMS is back",
        Duration.ofSeconds(300),
        () -> {
          try {
            Map<String, Integer> counts = DmsCases.countByApplication();
            return ids.stream().allMatch(counts::containsKey);
          } catch (java.io.IOException e) {
            return false;
          }
        });
    Thread.sleep(2000); // give a wrongly repeated delivery the chance to show up
    Map<String, Integer> counts = DmsCases.countByApplication();
    assertThat(ids).hasSize(APPLICATIONS).doesNotHaveDuplicates();
    assertThat(ids).allSatisfy(id -> assertThat(counts.get(id)).as(id).isEqualTo(1));
    await(
        "every application received",
        Duration.ofSeconds(60),
        () -> status("ben", ids.get(APPLICATIONS - 1)).equals("RECEIVED"));

    // the first one had a failed attempt during the outage (checked above)
    String probe = ids.get(0);
    Path caseDir = DmsCases.caseFolder(probe);
    try (Stream<Path> docs = Files.list(caseDir.resolve("documents"))) {
      assertThat(docs.map(p -> p.getFileName().toString()).toList())
          .hasSize(2)
          .anySatisfy(n -> assertThat(n).startsWith("01-Eingangsbestaetigung-MS-"))
          .anySatisfy(n -> assertThat(n).startsWith("02-Antragsdaten-MS-"));
    }
    JsonObject delivered =
        array(
                get(
                    "/api/v1/admin/outbox?state=DELIVERED&type=dms.file-application&limit=1000",
                    "admin"))
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(o -> o.getString("idempotencyKey").endsWith(probe))
            .findFirst()
            .orElseThrow();
    assertThat(delivered.getInt("attempts")).isGreaterThanOrEqualTo(2);
    assertThat(delivered.getString("result")).isEqualTo(caseDir.getFileName().toString());
  }
}
