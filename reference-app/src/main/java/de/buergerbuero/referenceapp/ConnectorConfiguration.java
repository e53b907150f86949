package de.buergerbuero.referenceapp;

import de.buergerbuero.connector.dms.filesystem.FileSystemDmsConfig;
import de.buergerbuero.connector.dms.filesystem.FileSystemDocumentStore;
import de.buergerbuero.kernel.spi.dms.CaseFilingPort;
import de.buergerbuero.kernel.spi.dms.DocumentReadPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Explicit registration of the connectors this deployment uses. Switching the DMS means changing
 * this producer (and the dependency), not searching the class path.
 */
@ApplicationScoped
public class ConnectorConfiguration {

  @Inject
  @ConfigProperty(name = FileSystemDmsConfig.ROOT_KEY)
  String dmsRoot;

  private FileSystemDocumentStore fileSystemDms;

  private synchronized FileSystemDocumentStore fileSystemDms() {
    if (fileSystemDms == null) {
      fileSystemDms = new FileSystemDocumentStore(new FileSystemDmsConfig(Path.of(dmsRoot)));
    }
    return fileSystemDms;
  }

  @Produces
  CaseFilingPort caseFiling() {
    return fileSystemDms();
  }

  @Produces
  DocumentReadPort documentReading() {
    return fileSystemDms();
  }
}
