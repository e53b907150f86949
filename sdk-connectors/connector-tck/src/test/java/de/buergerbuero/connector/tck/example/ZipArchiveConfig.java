package de.buergerbuero.connector.tck.example;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.nio.file.Path;

/**
 * Configuration of the example connector: one key, {@value #DIRECTORY_KEY}. Validated at
 * construction, so a wrong value stops the start with a message naming the key.
 */
public record ZipArchiveConfig(Path directory) {
  public static final String DIRECTORY_KEY = "buergerbuero.dms.zip-archive.directory";

  public ZipArchiveConfig {
    if (directory == null || !directory.isAbsolute()) {
      throw new ConfigurationException(DIRECTORY_KEY + " must be an absolute path: " + directory);
    }
  }
}
