package de.buergerbuero.connector.dms.xdomea;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.nio.file.Path;

/**
 * Configuration of the xdomea connector (prefix {@code buergerbuero.dms.xdomea.}; read by the
 * application, never by the connector).
 *
 * @param dropDirectory {@code drop-directory}: where the DMS import picks up 0401 messages
 * @param archiveDirectory {@code archive-directory}: the connector's own copy of every message sent
 *     (idempotency and read-back); must not be the drop directory
 * @param senderInstitution {@code sender-institution}: e.g. "Stadt Musterstadt"
 * @param senderUnit {@code sender-unit}: e.g. "Digitales Bürgerbüro"
 * @param recipientInstitution {@code recipient-institution}: the DMS operator, e.g. "Stadt
 *     Musterstadt, DMS"
 */
public record XdomeaDmsConfig(
    Path dropDirectory,
    Path archiveDirectory,
    Path replyDirectory,
    String senderInstitution,
    String senderUnit,
    String recipientInstitution) {
  public static final String PREFIX = "buergerbuero.dms.xdomea.";

  public XdomeaDmsConfig {
    require(dropDirectory, "drop-directory");
    require(archiveDirectory, "archive-directory");
    require(replyDirectory, "reply-directory");
    require(senderInstitution, "sender-institution");
    require(senderUnit, "sender-unit");
    require(recipientInstitution, "recipient-institution");
    dropDirectory = dropDirectory.toAbsolutePath().normalize();
    archiveDirectory = archiveDirectory.toAbsolutePath().normalize();
    replyDirectory = replyDirectory.toAbsolutePath().normalize();
    if (dropDirectory.equals(archiveDirectory)) {
      throw new ConfigurationException(
          PREFIX + "archive-directory must differ from " + PREFIX + "drop-directory");
    }
  }

  private static void require(Object value, String key) {
    if (value == null || value.toString().isBlank()) {
      throw new ConfigurationException("Missing configuration: " + PREFIX + key);
    }
  }
}
