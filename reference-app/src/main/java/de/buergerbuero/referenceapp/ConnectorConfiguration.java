package de.buergerbuero.referenceapp;

import de.buergerbuero.connector.dms.cmis.CmisDmsConfig;
import de.buergerbuero.connector.dms.cmis.CmisDocumentStore;
import de.buergerbuero.connector.dms.filesystem.FileSystemDmsConfig;
import de.buergerbuero.connector.dms.filesystem.FileSystemDocumentStore;
import de.buergerbuero.connector.dms.xdomea.XdomeaDmsConfig;
import de.buergerbuero.connector.dms.xdomea.XdomeaDocumentStore;
import de.buergerbuero.connector.formsolutions.FormsolutionsConfig;
import de.buergerbuero.connector.formsolutions.FormsolutionsConnector;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.dms.CaseFilingPort;
import de.buergerbuero.kernel.spi.dms.DepartmentRouting;
import de.buergerbuero.kernel.spi.dms.DocumentReadPort;
import de.buergerbuero.kernel.spi.dms.FilingConfirmations;
import de.buergerbuero.kernel.spi.forms.FormServers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Explicit registration of the connectors this deployment uses. The DMS is chosen with {@code
 * buergerbuero.dms.connector} ({@code filesystem}, the embedded default, {@code xdomea} or {@code
 * cmis}), and per department with {@code buergerbuero.dms.department.<department>=<connector>}. A
 * wrong value or a missing key of a chosen connector stops the start with a message naming the key.
 */
@ApplicationScoped
public class ConnectorConfiguration {
  static final String DMS_KEY = "buergerbuero.dms.connector";
  static final String DEPARTMENT_PREFIX = "buergerbuero.dms.department.";

  @Inject Config config;
  @Inject Clock clock;

  private DepartmentRouting dms;

  @PostConstruct
  void createDms() {
    Map<String, Object> stores = new HashMap<>();
    String defaultKind = config.getOptionalValue(DMS_KEY, String.class).orElse("filesystem");
    Object fallback = stores.computeIfAbsent(defaultKind, k -> store(k, DMS_KEY));
    Map<String, Object> byDepartment = new HashMap<>();
    for (String key : config.getPropertyNames()) {
      if (key.startsWith(DEPARTMENT_PREFIX)) {
        String kind = value(key);
        byDepartment.put(
            key.substring(DEPARTMENT_PREFIX.length()),
            stores.computeIfAbsent(kind, k -> store(k, key)));
      }
    }
    dms = new DepartmentRouting(fallback, byDepartment);
  }

  private Object store(String kind, String chosenBy) {
    return switch (kind) {
      case "filesystem" ->
          new FileSystemDocumentStore(new FileSystemDmsConfig(path(FileSystemDmsConfig.ROOT_KEY)));
      case "xdomea" ->
          new XdomeaDocumentStore(
              new XdomeaDmsConfig(
                  path(XdomeaDmsConfig.PREFIX + "drop-directory"),
                  path(XdomeaDmsConfig.PREFIX + "archive-directory"),
                  path(XdomeaDmsConfig.PREFIX + "reply-directory"),
                  value(XdomeaDmsConfig.PREFIX + "sender-institution"),
                  value(XdomeaDmsConfig.PREFIX + "sender-unit"),
                  value(XdomeaDmsConfig.PREFIX + "recipient-institution")),
              clock);
      case "cmis" -> new CmisDocumentStore(cmisConfig());
      default ->
          throw new ConfigurationException(
              chosenBy + "=" + kind + " is unknown; use filesystem, xdomea or cmis");
    };
  }

  private CmisDmsConfig cmisConfig() {
    String prefix = CmisDmsConfig.PREFIX;
    Map<String, String> properties = new HashMap<>();
    for (String key : config.getPropertyNames()) {
      if (key.startsWith(prefix + "property.")) {
        properties.put(key.substring((prefix + "property.").length()), value(key));
      }
    }
    URI url;
    try {
      url = new URI(value(prefix + "url"));
    } catch (URISyntaxException e) {
      throw new ConfigurationException(prefix + "url is not a URL: " + e.getMessage());
    }
    return new CmisDmsConfig(
        url,
        value(prefix + "repository"),
        value(prefix + "user"),
        value(prefix + "password"),
        value(prefix + "folder"),
        config.getOptionalValue(prefix + "folder-type", String.class).orElse(null),
        properties,
        config
            .getOptionalValue(prefix + "timeout", String.class)
            .map(t -> duration(prefix + "timeout", t))
            .orElse(null));
  }

  private static Duration duration(String key, String text) {
    try {
      return text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigurationException(
          key + "=" + text + " is neither seconds nor an ISO-8601 duration");
    }
  }

  /** Validates the configuration when the application starts, not on the first filing. */
  void validateAtStartup(@Observes Startup startup) {
    dms.hasConfirmations();
  }

  /** Form servers: formsolutions when {@code buergerbuero.forms.formsolutions.url} is set. */
  @Produces
  FormServers formServers() {
    String prefix = FormsolutionsConfig.PREFIX;
    if (config.getOptionalValue(prefix + "url", String.class).filter(v -> !v.isBlank()).isEmpty()) {
      return FormServers.none();
    }
    URI url;
    try {
      url = new URI(value(prefix + "url"));
    } catch (URISyntaxException e) {
      throw new ConfigurationException(prefix + "url is not a URL: " + e.getMessage());
    }
    return new FormServers(
        Map.of(
            "formsolutions",
            new FormsolutionsConnector(
                new FormsolutionsConfig(
                    url,
                    value(prefix + "mandant"),
                    value(prefix + "client-number"),
                    value(prefix + "api-key"),
                    config
                        .getOptionalValue(prefix + "timeout", String.class)
                        .map(t -> duration(prefix + "timeout", t))
                        .orElse(null)))));
  }

  @Produces
  CaseFilingPort caseFiling() {
    return dms;
  }

  @Produces
  DocumentReadPort documentReading() {
    return dms;
  }

  @Produces
  FilingConfirmations filingConfirmations() {
    return dms.hasConfirmations() ? dms : FilingConfirmations.NONE;
  }

  private Path path(String key) {
    return Path.of(value(key));
  }

  private String value(String key) {
    return config
        .getOptionalValue(key, String.class)
        .filter(v -> !v.isBlank())
        .orElseThrow(() -> new ConfigurationException("Missing configuration: " + key));
  }
}
