package de.buergerbuero.connector.dms.xdomea;

import static de.buergerbuero.connector.dms.xdomea.XdomeaDmsConfig.PREFIX;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreFactory;
import java.time.Clock;

/** Kind {@code xdomea}: keys under {@value XdomeaDmsConfig#PREFIX} (see the connector page). */
public final class XdomeaDocumentStoreFactory implements DocumentStoreFactory {
  @Override
  public String kind() {
    return "xdomea";
  }

  @Override
  public DocumentStore create(ConnectorSettings settings, Clock clock) {
    return new XdomeaDocumentStore(
        new XdomeaDmsConfig(
            settings.path(PREFIX + "drop-directory"),
            settings.path(PREFIX + "archive-directory"),
            settings.path(PREFIX + "reply-directory"),
            settings.required(PREFIX + "sender-institution"),
            settings.required(PREFIX + "sender-unit"),
            settings.required(PREFIX + "recipient-institution")),
        clock);
  }
}
