package de.buergerbuero.connector.dms.cmis;

import static de.buergerbuero.connector.dms.cmis.CmisDmsConfig.PREFIX;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreFactory;
import java.time.Clock;

/**
 * Kind {@code cmis}: keys under {@value CmisDmsConfig#PREFIX}, including the optional folder type,
 * the metadata mapping {@code property.<metadata key>=<CMIS property id>} and the timeout.
 */
public final class CmisDocumentStoreFactory implements DocumentStoreFactory {
  @Override
  public String kind() {
    return "cmis";
  }

  @Override
  public DocumentStore create(ConnectorSettings settings, Clock clock) {
    return new CmisDocumentStore(
        new CmisDmsConfig(
            settings.uri(PREFIX + "url"),
            settings.required(PREFIX + "repository"),
            settings.required(PREFIX + "user"),
            settings.required(PREFIX + "password"),
            settings.required(PREFIX + "folder"),
            settings.optional(PREFIX + "folder-type").orElse(null),
            settings.under(PREFIX + "property."),
            settings.duration(PREFIX + "timeout").orElse(null)));
  }
}
