package de.buergerbuero.kernel.connect;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.dms.CaseAdditionPort;
import de.buergerbuero.kernel.spi.dms.CaseFilingPort;
import de.buergerbuero.kernel.spi.dms.DepartmentRouting;
import de.buergerbuero.kernel.spi.dms.DocumentReadPort;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreFactory;
import de.buergerbuero.kernel.spi.dms.FilingConfirmations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The deployment's DMS, composed from configuration: {@value #DMS_KEY} chooses the store of every
 * department (default {@code filesystem}), {@code buergerbuero.dms.department.<department>=<kind>}
 * another one for a department; each kind is built once by its connector's {@link
 * DocumentStoreFactory}. Built on first use: a deployment without a module that files never needs a
 * DMS (the applications module asks for it at start-up, so a wrong key stops the start).
 */
@ApplicationScoped
public class DocumentStores {
  public static final String DMS_KEY = "buergerbuero.dms.connector";
  public static final String DEPARTMENT_PREFIX = "buergerbuero.dms.department.";
  static final String DEFAULT_KIND = "filesystem";

  @Inject ConnectorSettings settings;
  @Inject Clock clock;
  @Inject Instance<DocumentStoreFactory> explicit;

  /** Builds the routing of all departments; fails naming the key that chose an unknown kind. */
  public static DepartmentRouting compose(
      ConnectorSettings settings, Clock clock, Map<String, DocumentStoreFactory> factories) {
    Map<String, DocumentStore> stores = new HashMap<>();
    String defaultKind = settings.optional(DMS_KEY).orElse(DEFAULT_KIND);
    DocumentStore fallback =
        stores.computeIfAbsent(defaultKind, k -> build(factories, k, DMS_KEY, settings, clock));
    Map<String, DocumentStore> byDepartment = new HashMap<>();
    settings
        .under(DEPARTMENT_PREFIX)
        .forEach(
            (department, kind) ->
                byDepartment.put(
                    department,
                    stores.computeIfAbsent(
                        kind,
                        k ->
                            build(factories, k, DEPARTMENT_PREFIX + department, settings, clock))));
    return new DepartmentRouting(fallback, byDepartment);
  }

  private static DocumentStore build(
      Map<String, DocumentStoreFactory> factories,
      String kind,
      String chosenBy,
      ConnectorSettings settings,
      Clock clock) {
    DocumentStoreFactory factory = factories.get(kind);
    if (factory == null) {
      throw new ConfigurationException(
          chosenBy
              + "="
              + kind
              + ": no DMS connector of this kind is deployed (found: "
              + String.join(", ", factories.keySet())
              + "); add its artifact, e.g. buergerbuero-connector-dms-"
              + kind);
    }
    return factory.create(settings, clock);
  }

  private DepartmentRouting routing;

  /** The routing over every configured store, built once. */
  public synchronized DepartmentRouting routing() {
    if (routing == null) {
      routing =
          compose(
              settings,
              clock,
              ConnectorDiscovery.byKind(
                  DocumentStoreFactory.class, DocumentStoreFactory::kind, explicit));
    }
    return routing;
  }

  @Produces
  @Typed({
    DocumentStore.class,
    CaseFilingPort.class,
    CaseAdditionPort.class,
    DocumentReadPort.class
  })
  DocumentStore documentStore() {
    return routing();
  }

  @Produces
  @Typed(FilingConfirmations.class)
  FilingConfirmations confirmations() {
    return routing().confirmations().orElse(FilingConfirmations.NONE);
  }
}
