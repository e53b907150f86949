package de.buergerbuero.connector.tck.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.connector.tck.DocumentStoreCompatibilityKit;
import de.buergerbuero.kernel.connect.ConnectorDiscovery;
import de.buergerbuero.kernel.connect.DocumentStores;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.dms.DocumentStoreFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The example connector of 'Writing a connector' passes the DMS kit")
class ZipArchiveStoreCompatibilityTest extends DocumentStoreCompatibilityKit {
  @TempDir Path temp;
  private Path directory;

  @Override
  protected Store createStore() throws Exception {
    directory = Files.createTempDirectory(temp, "archive");
    return Store.of(new ZipArchiveStore(new ZipArchiveConfig(directory)));
  }

  /** A file where the directory should be: nothing can be written. */
  @Override
  protected void makeUnreachable() throws Exception {
    try (var all = Files.walk(directory)) { // it may hold what the test filed before
      for (var p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.writeString(directory, "kein Verzeichnis");
  }

  @Test
  @DisplayName("its factory is found by kind and builds the store from configuration")
  void discoveredFromConfiguration() throws Exception {
    Map<String, DocumentStoreFactory> factories =
        ConnectorDiscovery.byKind(
            DocumentStoreFactory.class, DocumentStoreFactory::kind, List.of());
    assertThat(factories).containsKey("zip-archive");
    var routing =
        DocumentStores.compose(
            ConnectorSettings.of(
                Map.of(
                    "buergerbuero.dms.connector",
                    "zip-archive",
                    ZipArchiveConfig.DIRECTORY_KEY,
                    directory.toString())),
            Clock.systemUTC(),
            factories);
    var filed = routing.fileCase("k-1", record("MS-2026-000001", text("Antrag.pdf", "%PDF")));
    assertThat(filed.caseId()).startsWith("zip:");
  }

  @Test
  @DisplayName("a missing key stops the start with a message naming the key")
  void missingKeyNamed() {
    assertThatThrownBy(
            () ->
                new ZipArchiveStoreFactory()
                    .create(ConnectorSettings.of(Map.of()), Clock.systemUTC()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(ZipArchiveConfig.DIRECTORY_KEY);
  }
}
