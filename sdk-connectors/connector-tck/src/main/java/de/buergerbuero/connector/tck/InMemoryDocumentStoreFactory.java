package de.buergerbuero.connector.tck;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreFactory;
import java.time.Clock;

/**
 * Kind {@code in-memory}: the reference store, for tests of modules that file (Arquillian
 * deployments) and as the smallest example of a factory. Not registered as a service: a test
 * registers it explicitly (a CDI bean of this type), so it never appears in a deployment by
 * accident. Holds one store per factory instance.
 */
public class InMemoryDocumentStoreFactory implements DocumentStoreFactory {
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();

  @Override
  public String kind() {
    return "in-memory";
  }

  @Override
  public DocumentStore create(ConnectorSettings settings, Clock clock) {
    return store;
  }

  /** The store, for a test's assertions. */
  public InMemoryDocumentStore store() {
    return store;
  }
}
