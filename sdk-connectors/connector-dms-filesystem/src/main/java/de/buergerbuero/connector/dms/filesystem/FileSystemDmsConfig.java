package de.buergerbuero.connector.dms.filesystem;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.nio.file.Path;

/**
 * Configuration of the file-system DMS. Config key (MicroProfile Config, read by the application,
 * never by the connector): {@code buergerbuero.dms.filesystem.root}.
 *
 * @param root the directory that holds the filed cases; created when missing
 */
public record FileSystemDmsConfig(Path root) {
  public static final String ROOT_KEY = "buergerbuero.dms.filesystem.root";

  public FileSystemDmsConfig {
    if (root == null || root.toString().isBlank()) {
      throw new ConfigurationException("Missing configuration: " + ROOT_KEY);
    }
    root = root.toAbsolutePath().normalize();
  }
}
