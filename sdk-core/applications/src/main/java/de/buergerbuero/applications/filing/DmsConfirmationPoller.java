package de.buergerbuero.applications.filing;

import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.outbox.OutboxRepository;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.spi.dms.FilingConfirmation;
import de.buergerbuero.kernel.spi.dms.FilingConfirmations;
import de.buergerbuero.kernel.time.Periodic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Feeds a DMS's import confirmations back: the outbox entry of the filing becomes DELIVERED or
 * FAILED (with the DMS's reason, visible to admins), and the application's audit trail records it.
 * Runs only when the application provides a {@link FilingConfirmations} bean.
 */
@ApplicationScoped
public class DmsConfirmationPoller {
  private static final Logger LOG = Logger.getLogger(DmsConfirmationPoller.class.getName());

  @Inject Instance<FilingConfirmations> sources;
  @Inject OutboxRepository outbox;
  @Inject AuditLog audit;
  @Inject Transactions tx;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;
  @Resource ManagedScheduledExecutorService executor;

  @Inject
  @ConfigProperty(name = "buergerbuero.dms.confirmation-poll-ms", defaultValue = "2000")
  long intervalMs;

  private ScheduledFuture<?> task;

  void start(@Observes @Priority(1000) Startup startup) {
    if (sources.isResolvable() && sources.get() != FilingConfirmations.NONE) {
      task = Periodic.every(executor, intervalMs, LOG, "Reading DMS confirmations", this::pollOnce);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** Records every confirmation that arrived; returns how many. */
  public int pollOnce() {
    FilingConfirmations source = sources.get();
    int n = 0;
    for (FilingConfirmation c : source.poll()) {
      boolean known = outbox.confirm(c.caseId(), c.imported(), c.reason(), clock.instant());
      tx.required(() -> recordInAudit(c));
      if (!known) {
        LOG.warning(() -> "DMS confirmation for unknown or already confirmed case " + c.caseId());
      }
      source.done(c);
      n++;
    }
    return n;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private void recordInAudit(FilingConfirmation c) {
    var found =
        em.createQuery(
                "SELECT a FROM ApplicationEntity a WHERE a.dmsCaseId = :c", ApplicationEntity.class)
            .setParameter("c", c.caseId())
            .getResultList();
    for (ApplicationEntity a : found) {
      audit.append(
          "system:dms",
          c.imported() ? "DMS_IMPORT_CONFIRMED" : "DMS_IMPORT_FAILED",
          "application",
          a.id(),
          truncate(c.imported() ? c.caseId() : c.caseId() + ": " + c.reason(), 900));
    }
  }
}
