package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Nothing is lost when the DMS is down")
class DmsOutageIT {
  private static final Path DMS = Path.of(System.getProperty("dms.dir"));

  @Test
  @DisplayName(
      "an application accepted while the DMS is unwritable is kept and filed exactly once when it is back")
  void outage() throws Exception {
    Path moved = DMS.resolveSibling(DMS.getFileName() + "-away");
    Files.createDirectories(DMS);
    Files.move(DMS, moved);
    // A plain file where the directory belongs: writing fails even for root.
    Files.writeString(DMS, "DMS nicht verfügbar");
    String id;
    String reference;
    try {
      JsonObject created = submit("anna", "sperrmuell", BULKY_WASTE);
      id = created.getString("id");
      reference = created.getString("reference");

      await(
          "a failed delivery attempt", Duration.ofSeconds(60), () -> pendingWithError(id) != null);
      JsonObject entry = pendingWithError(id);
      assertThat(entry.getInt("attempts")).isGreaterThanOrEqualTo(1);
      assertThat(entry.getString("lastError")).contains("not writable");
      assertThat(status("anna", id)).isEqualTo("SUBMITTED");
    } finally {
      Files.delete(DMS);
      Files.move(moved, DMS);
    }

    await(
        "filed after the DMS is back",
        Duration.ofSeconds(90),
        () -> status("anna", id).equals("RECEIVED"));
    Thread.sleep(1500); // give a wrongly repeated delivery the chance to show up
    List<Path> cases;
    try (Stream<Path> all = Files.list(DMS.resolve("cases"))) {
      cases = all.filter(c -> contains(c.resolve("vorgang.json"), ":" + id + "\"")).toList();
    }
    assertThat(cases).hasSize(1);
    try (Stream<Path> docs = Files.list(cases.get(0).resolve("documents"))) {
      assertThat(docs.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder(
              "01-Eingangsbestaetigung-" + reference + ".pdf",
              "02-Antragsdaten-" + reference + ".json");
    }
    JsonObject delivered =
        array(get("/api/v1/admin/outbox?state=DELIVERED&limit=1000", "admin"))
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(o -> o.getString("idempotencyKey").endsWith(id))
            .findFirst()
            .orElseThrow();
    assertThat(delivered.getInt("attempts")).isGreaterThanOrEqualTo(2);
    assertThat(delivered.getString("result")).isEqualTo(cases.get(0).getFileName().toString());
  }

  private static JsonObject pendingWithError(String applicationId) {
    return array(get("/api/v1/admin/outbox?state=PENDING&limit=1000", "admin"))
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(o -> o.getString("idempotencyKey").endsWith(applicationId))
        .filter(o -> o.containsKey("lastError"))
        .findFirst()
        .orElse(null);
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
