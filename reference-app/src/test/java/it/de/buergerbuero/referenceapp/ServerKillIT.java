package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Nothing is lost or duplicated when the server is killed")
class ServerKillIT {
  private static final Path WLP = Path.of(System.getProperty("wlp.dir"));
  private static final String SERVER = System.getProperty("liberty.server.name", "buergerbuero");

  @Test
  @DisplayName(
      "kill -9 while the outbox delivers 1 500 filings: after the restart each is filed exactly once")
  void killDuringDelivery() throws Exception {
    List<String> ids = new ArrayList<>();
    // queue the filings first, so that the kill surely falls in the middle of the delivery
    assertThat(postJson("/api/v1/admin/outbox/worker/pause", "admin", "").statusCode())
        .isEqualTo(200);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> submissions = new ArrayList<>();
      for (int i = 0; i < 1500; i++) {
        submissions.add(() -> submit("ben", "sperrmuell", BULKY_WASTE).getString("id"));
      }
      for (Future<String> f : pool.invokeAll(submissions)) {
        ids.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(postJson("/api/v1/admin/outbox/worker/resume", "admin", "").statusCode())
        .isEqualTo(200);
    // kill while deliveries are running: some filed, some not
    await(
        "deliveries under way",
        Duration.ofSeconds(60),
        () -> {
          try {
            int filed =
                DmsCases.countByApplication().keySet().stream()
                    .filter(ids::contains)
                    .toList()
                    .size();
            return filed > 0;
          } catch (java.io.IOException e) {
            return false;
          }
        });
    long pid =
        Long.parseLong(
            Files.readString(WLP.resolve("usr/servers/.pid/" + SERVER + ".pid")).strip());
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    await(
        "server gone",
        Duration.ofSeconds(30),
        () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    int filedAtKill =
        (int) DmsCases.countByApplication().keySet().stream().filter(ids::contains).count();

    Process start =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", SERVER)
            .inheritIO()
            .start();
    assertThat(start.waitFor()).isZero();
    await(
        "server ready again",
        Duration.ofSeconds(180),
        () -> {
          try {
            return get("/health/ready", null).statusCode() == 200;
          } catch (RuntimeException e) {
            return false;
          }
        });

    await(
        "all filed after the restart",
        Duration.ofSeconds(180),
        () -> {
          try {
            return DmsCases.countByApplication().keySet().containsAll(ids);
          } catch (java.io.IOException e) {
            return false;
          }
        });
    Map<String, Integer> counts = DmsCases.countByApplication();
    assertThat(ids).allSatisfy(id -> assertThat(counts.get(id)).as(id).isEqualTo(1));
    assertThat(filedAtKill).as("the kill happened mid-way").isLessThan(ids.size());
    // every accepted application is still there for its applicant
    assertThat(ids)
        .allSatisfy(
            id ->
                assertThat(get("/api/v1/applications/" + id, "ben").statusCode())
                    .as(id)
                    .isEqualTo(200));
  }
}
