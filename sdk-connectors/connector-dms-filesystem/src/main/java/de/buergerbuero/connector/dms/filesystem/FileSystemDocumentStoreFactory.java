package de.buergerbuero.connector.dms.filesystem;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreFactory;
import java.time.Clock;

/** Kind {@code filesystem}: key {@value FileSystemDmsConfig#ROOT_KEY}. */
public final class FileSystemDocumentStoreFactory implements DocumentStoreFactory {
  @Override
  public String kind() {
    return "filesystem";
  }

  @Override
  public DocumentStore create(ConnectorSettings settings, Clock clock) {
    return new FileSystemDocumentStore(
        new FileSystemDmsConfig(settings.path(FileSystemDmsConfig.ROOT_KEY)));
  }
}
