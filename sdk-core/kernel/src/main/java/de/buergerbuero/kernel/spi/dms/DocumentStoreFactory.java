package de.buergerbuero.kernel.spi.dms;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import java.time.Clock;

/**
 * Builds a {@link DocumentStore} from configuration. Each DMS connector ships one and registers it
 * in {@code META-INF/services/de.buergerbuero.kernel.spi.dms.DocumentStoreFactory}; a town's own
 * connector may instead be a CDI bean of this type (explicit registration wins over the service
 * file on the same kind). The deployment chooses a store with {@code
 * buergerbuero.dms.connector=<kind>} (default {@code filesystem}) and per department with {@code
 * buergerbuero.dms.department.<department>=<kind>}.
 */
public interface DocumentStoreFactory {

  /** The value of {@code buergerbuero.dms.connector} that selects this store, e.g. {@code cmis}. */
  String kind();

  /**
   * Builds the store; called once at start-up, so it validates everything it can.
   *
   * @throws de.buergerbuero.kernel.error.ConfigurationException naming the missing or wrong key
   */
  DocumentStore create(ConnectorSettings settings, Clock clock);
}
