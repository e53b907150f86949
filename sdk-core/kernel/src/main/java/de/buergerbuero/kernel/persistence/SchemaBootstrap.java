package de.buergerbuero.kernel.persistence;

import de.buergerbuero.kernel.error.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Migrates the schema before anything else runs: every {@link MigrationSet} bean, the kernel's
 * first, then the others by module name. A failure stops the application from starting.
 */
@ApplicationScoped
public class SchemaBootstrap {

  @Inject @Any Instance<MigrationSet> sets;

  @Inject
  @ConfigProperty(
      name = "buergerbuero.datasource",
      defaultValue = "java:comp/env/jdbc/buergerbuero")
  String dataSourceName;

  void migrate(@Observes @Priority(100) Startup startup) {
    DataSource ds;
    try {
      ds = (DataSource) new InitialContext().lookup(dataSourceName);
    } catch (NamingException e) {
      throw new ConfigurationException(
          "Data source not found; check buergerbuero.datasource=" + dataSourceName, e);
    }
    List<MigrationSet> ordered =
        StreamSupport.stream(sets.spliterator(), false)
            .sorted(
                Comparator.comparing((MigrationSet s) -> !s.module().equals("kernel"))
                    .thenComparing(MigrationSet::module))
            .toList();
    new SchemaMigrator(ds, SchemaBootstrap.class.getClassLoader()).migrate(ordered);
  }
}
