package it.de.buergerbuero.applications;

import de.buergerbuero.connector.tck.InMemoryDocumentStore;
import de.buergerbuero.connector.tck.InMemoryDocumentStoreFactory;
import de.buergerbuero.kernel.spi.dms.DocumentStoreFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The deployment's DMS: the compatibility kit's in-memory store, registered explicitly (kind {@code
 * in-memory}, chosen by {@code buergerbuero.dms.connector}); the main code of a core module never
 * sees a connector.
 */
@ApplicationScoped
public class InMemoryDms {
  private final InMemoryDocumentStoreFactory factory = new InMemoryDocumentStoreFactory();

  @Produces
  DocumentStoreFactory factory() {
    return factory;
  }

  public InMemoryDocumentStore store() {
    return factory.store();
  }
}
