package de.buergerbuero.applications.internal;

import de.buergerbuero.kernel.persistence.MigrationSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** The service portal's tables. */
@ApplicationScoped
public class ApplicationsSchema {
  @Produces
  MigrationSet applicationsMigrations() {
    return migrations();
  }

  /** The module's migrations, in order (also for tests that build the schema themselves). */
  public static MigrationSet migrations() {
    return new MigrationSet(
        "applications",
        "de/buergerbuero/applications/db",
        List.of(
            "V1__applications.sql",
            "V2__form_intake.sql",
            "V3__retention.sql",
            "V4__decisions.sql",
            "V5__answers.sql",
            "V6__deliveries.sql",
            "V7__casework.sql",
            "V8__deadlines.sql"));
  }
}
