package de.buergerbuero.connector.tck;

import org.junit.jupiter.api.DisplayName;

@DisplayName("In-memory reference DMS connector passes the compatibility kit")
class InMemoryDocumentStoreCompatibilityTest extends DocumentStoreCompatibilityKit {
  private InMemoryDocumentStore dms;

  @Override
  protected Store createStore() {
    dms = new InMemoryDocumentStore();
    return new Store(dms, dms);
  }

  @Override
  protected void makeUnreachable() {
    dms.setAvailable(false);
  }

  @Override
  protected void makeRefusing() {
    dms.setRefusing(true);
  }

  /** Holds documents on the heap by design. */
  @Override
  protected boolean streamsContent() {
    return false;
  }
}
