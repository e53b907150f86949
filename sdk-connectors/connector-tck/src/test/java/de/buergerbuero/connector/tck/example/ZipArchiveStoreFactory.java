package de.buergerbuero.connector.tck.example;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreFactory;
import java.time.Clock;

/**
 * Kind {@code zip-archive}: chosen with {@code buergerbuero.dms.connector=zip-archive} (or per
 * department). Registered in {@code
 * META-INF/services/de.buergerbuero.kernel.spi.dms.DocumentStoreFactory}.
 */
public final class ZipArchiveStoreFactory implements DocumentStoreFactory {
  @Override
  public String kind() {
    return "zip-archive";
  }

  @Override
  public DocumentStore create(ConnectorSettings settings, Clock clock) {
    return new ZipArchiveStore(new ZipArchiveConfig(settings.path(ZipArchiveConfig.DIRECTORY_KEY)));
  }
}
