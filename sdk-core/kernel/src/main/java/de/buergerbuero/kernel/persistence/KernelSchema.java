package de.buergerbuero.kernel.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/**
 * The kernel's own tables: outbox, audit log, logins in flight, federated login sessions, replay
 * guards and per-client limits.
 */
@ApplicationScoped
public class KernelSchema {
  @Produces
  MigrationSet kernelMigrations() {
    return migrations();
  }

  /** The kernel's migrations (for tests and tools that set up a database without CDI). */
  public static MigrationSet migrations() {
    return new MigrationSet(
        "kernel",
        "de/buergerbuero/kernel/db",
        List.of(
            "V1__outbox_and_audit.sql",
            "V2__audit_pending.sql",
            "V3__outbox_state_length.sql",
            "V4__keyed_audit_chain.sql",
            "V5__logins_in_flight.sql",
            "V6__shared_guards.sql"));
  }
}
