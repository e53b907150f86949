package de.buergerbuero.connector.dms.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.connector.tck.DocumentStoreCompatibilityKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("File-system DMS connector passes the compatibility kit")
class FileSystemDocumentStoreCompatibilityTest extends DocumentStoreCompatibilityKit {
  @TempDir Path temp;
  private Path root;

  @Override
  protected Store createStore() throws Exception {
    root = Files.createTempDirectory(temp, "dms");
    FileSystemDocumentStore dms = new FileSystemDocumentStore(new FileSystemDmsConfig(root));
    return new Store(dms, dms);
  }

  /** A regular file where the root directory should be: writes fail even for root. */
  @Override
  protected void makeUnreachable() throws Exception {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.writeString(root, "not a directory");
  }

  @Test
  @DisplayName("a filed case leaves no staging leftovers and carries its metadata in vorgang.json")
  void noLeftovers() throws Exception {
    var filed =
        store.filing().fileCase("k-1", record("MS-2026-000100", text("Antrag.pdf", "%PDF")));
    try (Stream<Path> staging = Files.list(root.resolve(".staging"))) {
      assertThat(staging).isEmpty();
    }
    String meta =
        Files.readString(root.resolve("cases").resolve(filed.caseId()).resolve("vorgang.json"));
    assertThat(meta)
        .contains("\"reference\":\"MS-2026-000100\"")
        .contains("\"leikaKey\":\"99115005000000\"");
  }
}
