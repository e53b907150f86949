package de.buergerbuero.connector.dms.cmis;

import de.buergerbuero.connector.tck.DocumentStoreCompatibilityKit.Store;
import de.buergerbuero.connector.tck.HttpTransportCompatibilityKit;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("CMIS connector against a misbehaving HTTP server")
class CmisTransportCompatibilityTest extends HttpTransportCompatibilityKit {
  @Override
  protected String servicePath() {
    return "/cmis/browser";
  }

  @Override
  protected Store createStore(URI serviceUrl, Duration timeout) {
    CmisDocumentStore store =
        new CmisDocumentStore(
            new CmisDmsConfig(
                serviceUrl, "A1", "portal", "geheim", "/Vorgänge", null, Map.of(), timeout));
    return new Store(store, store);
  }
}
