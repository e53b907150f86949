package de.buergerbuero.referenceapp;

import com.nimbusds.jose.jwk.RSAKey;
import de.buergerbuero.connector.dms.cmis.CmisDmsConfig;
import de.buergerbuero.connector.dms.cmis.CmisDocumentStore;
import de.buergerbuero.connector.dms.filesystem.FileSystemDmsConfig;
import de.buergerbuero.connector.dms.filesystem.FileSystemDocumentStore;
import de.buergerbuero.connector.dms.xdomea.XdomeaDmsConfig;
import de.buergerbuero.connector.dms.xdomea.XdomeaDocumentStore;
import de.buergerbuero.connector.fitconnect.CallbackVerifier;
import de.buergerbuero.connector.fitconnect.FitConnectConfig;
import de.buergerbuero.connector.fitconnect.FitConnectConnector;
import de.buergerbuero.connector.formsolutions.FormsolutionsConfig;
import de.buergerbuero.connector.formsolutions.FormsolutionsConnector;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.dms.CaseFilingPort;
import de.buergerbuero.kernel.spi.dms.DepartmentRouting;
import de.buergerbuero.kernel.spi.dms.DocumentReadPort;
import de.buergerbuero.kernel.spi.dms.FilingConfirmations;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
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
  private FormServers formServers;

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
    return new CmisDmsConfig(
        uri(prefix + "url"),
        value(prefix + "repository"),
        value(prefix + "user"),
        value(prefix + "password"),
        value(prefix + "folder"),
        config.getOptionalValue(prefix + "folder-type", String.class).orElse(null),
        properties,
        optionalDuration(prefix + "timeout"));
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

  /**
   * Form servers: formsolutions when {@code buergerbuero.forms.formsolutions.url} is set,
   * FIT-Connect when {@code buergerbuero.forms.fitconnect.submission-api-url} is set.
   */
  @Produces
  synchronized FormServers formServers() {
    // one set of connectors for the whole application: the push resource is request-scoped and
    // must not build HTTP clients and schema registries on every request
    if (formServers == null) {
      formServers = createFormServers();
    }
    return formServers;
  }

  private FormServers createFormServers() {
    Map<String, FormServerPort> servers = new HashMap<>();
    if (isSet(FormsolutionsConfig.PREFIX + "url")) {
      String prefix = FormsolutionsConfig.PREFIX;
      servers.put(
          "formsolutions",
          new FormsolutionsConnector(
              new FormsolutionsConfig(
                  uri(prefix + "url"),
                  value(prefix + "mandant"),
                  value(prefix + "client-number"),
                  value(prefix + "api-key"),
                  optionalDuration(prefix + "timeout"))));
    }
    if (isSet(FitConnectConfig.PREFIX + "submission-api-url")) {
      servers.put("fitconnect", new FitConnectConnector(fitConnectConfig(), clock));
    }
    return new FormServers(servers);
  }

  /** The FIT-Connect callback check; {@code null} when no callback secret is configured. */
  @Produces
  @jakarta.enterprise.context.Dependent
  CallbackVerifier fitConnectCallbacks() {
    return isSet(FitConnectConfig.PREFIX + "callback-secret")
        ? new CallbackVerifier(value(FitConnectConfig.PREFIX + "callback-secret"), clock)
        : null;
  }

  private FitConnectConfig fitConnectConfig() {
    String prefix = FitConnectConfig.PREFIX;
    return new FitConnectConfig(
        uri(prefix + "token-url"),
        uri(prefix + "submission-api-url"),
        value(prefix + "client-id"),
        value(prefix + "client-secret"),
        value(prefix + "destination-id"),
        jwk(prefix + "decryption-key"),
        jwk(prefix + "signing-key"),
        FitConnectConfig.schemasIn(path(prefix + "schema-directory")),
        optionalDuration(prefix + "timeout"));
  }

  private RSAKey jwk(String key) {
    try {
      return RSAKey.parse(java.nio.file.Files.readString(path(key)));
    } catch (java.io.IOException | java.text.ParseException e) {
      throw new ConfigurationException(
          key + ": no readable RSA JWK (" + e.getClass().getSimpleName() + ")");
    }
  }

  private boolean isSet(String key) {
    return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank()).isPresent();
  }

  private URI uri(String key) {
    try {
      return new URI(value(key));
    } catch (URISyntaxException e) {
      throw new ConfigurationException(key + " is not a URL: " + e.getMessage());
    }
  }

  private Duration optionalDuration(String key) {
    return config.getOptionalValue(key, String.class).map(t -> duration(key, t)).orElse(null);
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
