package de.buergerbuero.kernel.audit;

import de.buergerbuero.kernel.time.Periodic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Seals pending audit entries into the hash chain every few hundred milliseconds. */
@ApplicationScoped
public class AuditSealer {
  private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

  @Inject AuditLog audit;
  @Resource ManagedScheduledExecutorService executor;

  @Inject
  @ConfigProperty(name = "buergerbuero.audit.seal-interval-ms", defaultValue = "500")
  long intervalMs;

  private ScheduledFuture<?> task;

  void start(@Observes @Priority(1000) Startup startup) {
    task = Periodic.every(executor, intervalMs, LOG, "Sealing audit entries", this::sealAll);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /**
   * Seals until nothing is pending. Each batch runs in its own transaction (through the {@link
   * AuditLog} proxy: Liberty does not intercept calls a bean makes on itself).
   */
  public void sealAll() {
    while (audit.sealPending() == AuditLog.PAGE) {
      // more than one batch was waiting
    }
  }
}
