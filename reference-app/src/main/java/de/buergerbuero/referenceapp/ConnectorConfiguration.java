package de.buergerbuero.referenceapp;

import de.buergerbuero.connector.dms.filesystem.FileSystemDmsConfig;
import de.buergerbuero.connector.dms.filesystem.FileSystemDocumentStore;
import de.buergerbuero.connector.dms.xdomea.XdomeaDmsConfig;
import de.buergerbuero.connector.dms.xdomea.XdomeaDocumentStore;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.dms.CaseFilingPort;
import de.buergerbuero.kernel.spi.dms.DocumentReadPort;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;

/**
 * Explicit registration of the connectors this deployment uses. The DMS is chosen with {@code
 * buergerbuero.dms.connector} ({@code filesystem}, the embedded default, or {@code xdomea}); a
 * wrong value or a missing key of the chosen connector stops the start with a message naming the
 * key.
 */
@ApplicationScoped
public class ConnectorConfiguration {
  static final String DMS_KEY = "buergerbuero.dms.connector";

  @Inject Config config;
  @Inject Clock clock;

  private Object dms;

  @PostConstruct
  void createDms() {
    String kind = config.getOptionalValue(DMS_KEY, String.class).orElse("filesystem");
    dms =
        switch (kind) {
          case "filesystem" ->
              new FileSystemDocumentStore(
                  new FileSystemDmsConfig(path(FileSystemDmsConfig.ROOT_KEY)));
          case "xdomea" ->
              new XdomeaDocumentStore(
                  new XdomeaDmsConfig(
                      path(XdomeaDmsConfig.PREFIX + "drop-directory"),
                      path(XdomeaDmsConfig.PREFIX + "archive-directory"),
                      value(XdomeaDmsConfig.PREFIX + "sender-institution"),
                      value(XdomeaDmsConfig.PREFIX + "sender-unit"),
                      value(XdomeaDmsConfig.PREFIX + "recipient-institution")),
                  clock);
          default ->
              throw new ConfigurationException(
                  DMS_KEY + "=" + kind + " is unknown; use filesystem or xdomea");
        };
  }

  /** Validates the configuration when the application starts, not on the first filing. */
  void validateAtStartup(@Observes Startup startup) {
    dms.getClass();
  }

  @Produces
  CaseFilingPort caseFiling() {
    return (CaseFilingPort) dms;
  }

  @Produces
  DocumentReadPort documentReading() {
    return (DocumentReadPort) dms;
  }

  private Path path(String key) {
    String v = value(key);
    return Path.of(v);
  }

  private String value(String key) {
    return config
        .getOptionalValue(key, String.class)
        .filter(v -> !v.isBlank())
        .orElseThrow(() -> new ConfigurationException("Missing configuration: " + key));
  }
}
