package de.buergerbuero.kernel.outbox;

import de.buergerbuero.kernel.error.ConflictException;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.persistence.Dialect;
import de.buergerbuero.kernel.persistence.Sequences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Database side of the outbox. Claiming is safe with many instances: candidates are read (on
 * PostgreSQL with {@code FOR UPDATE SKIP LOCKED}), then each is taken with a conditional update
 * that sets a lease; only the instance whose update hit the row delivers it. A lease that runs out
 * (instance killed mid-delivery) makes the entry due again.
 */
@ApplicationScoped
public class OutboxRepository {

  /** Due entries whose lease ran out or never existed; parameters: now, now. */
  static String candidatesSql(Dialect dialect, int limit) {
    return "SELECT id FROM bb_outbox WHERE state = 'PENDING' AND next_attempt_at <= ?"
        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at"
        + " FETCH FIRST "
        + limit
        + " ROWS ONLY"
        + (dialect.supportsSkipLocked() ? " FOR UPDATE SKIP LOCKED" : "");
  }

  /**
   * Takes one entry and counts the attempt: succeeds (1 row) only for the first instance;
   * parameters: owner, lease until, id, now. The attempt is counted here, not when its outcome is
   * recorded, so an entry whose delivery kills the instance (or hangs past its lease) still uses up
   * its attempts.
   */
  static final String CLAIM_SQL =
      "UPDATE bb_outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?"
          + " AND state = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)";

  /**
   * Gives up entries whose lease ran out without an outcome (the delivery crashed the instance or
   * hung) once they have used up their attempts; parameters: error, now, max attempts.
   */
  static final String GIVE_UP_ABANDONED_SQL =
      "UPDATE bb_outbox SET state = 'FAILED', last_error = ?, lease_owner = NULL,"
          + " lease_until = NULL WHERE state = 'PENDING' AND lease_until IS NOT NULL"
          + " AND lease_until < ? AND attempts >= ?";

  /**
   * Puts an entry back in the queue for an immediate attempt, unless it is delivered or a worker
   * holds a live lease on it (releasing that lease would let a second worker deliver it again);
   * parameters: now, id, now.
   */
  static final String RETRY_SQL =
      "UPDATE bb_outbox SET state = 'PENDING', next_attempt_at = ?, lease_owner = NULL,"
          + " lease_until = NULL WHERE id = ? AND state <> 'DELIVERED'"
          + " AND (lease_until IS NULL OR lease_until < ?)";

  static final String ABANDONED_ERROR =
      "Zustellung ohne Ergebnis abgebrochen (Instanz beendet oder Zeitüberschreitung);"
          + " Versuche aufgebraucht.";

  @PersistenceContext EntityManager em;

  /** Claims up to {@code limit} due entries for {@code owner} and returns them. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<OutboxMessage> claimDue(String owner, Instant now, Duration lease, int limit) {
    Timestamp ts = Timestamp.from(now);
    String sql = candidatesSql(Sequences.dialect(em), limit);
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(sql).setParameter(1, ts).setParameter(2, ts).getResultList();
    List<OutboxMessage> claimed = new ArrayList<>();
    for (Object id : ids) {
      int updated =
          em.createNativeQuery(CLAIM_SQL)
              .setParameter(1, owner)
              .setParameter(2, Timestamp.from(now.plus(lease)))
              .setParameter(3, id)
              .setParameter(4, ts)
              .executeUpdate();
      if (updated == 1) {
        OutboxEntry e = em.find(OutboxEntry.class, id);
        em.refresh(e);
        claimed.add(
            new OutboxMessage(e.id(), e.type(), e.idempotencyKey(), e.payload(), e.attempts()));
      }
    }
    return claimed;
  }

  /**
   * Marks a claimed entry delivered and lets the handler record it, in one transaction; ignored
   * when the lease was lost meanwhile.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void markDelivered(
      OutboxMessage message, String owner, String result, Instant now, OutboxHandler handler) {
    OutboxEntry e = em.find(OutboxEntry.class, message.id());
    if (e != null && e.leasedBy(owner)) {
      handler.afterDelivery(message, result);
      if (handler.awaitsConfirmation(result)) {
        e.handedOver(truncate(result, 500), now);
      } else {
        e.delivered(truncate(result, 500), now);
      }
    }
  }

  /**
   * Records the receiver's confirmation of a handed-over entry, found by the result its handler
   * returned (e.g. the DMS case id). Returns false when no entry awaits that confirmation.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean confirm(String result, boolean ok, String reason, Instant now) {
    List<OutboxEntry> waiting =
        em.createQuery(
                "SELECT e FROM OutboxEntry e WHERE e.result = :r AND e.state = :s",
                OutboxEntry.class)
            .setParameter("r", result)
            .setParameter("s", OutboxState.AWAITING_CONFIRMATION)
            .getResultList();
    waiting.forEach(e -> e.confirmed(ok, truncate(reason, 1000), now));
    return !waiting.isEmpty();
  }

  /** Entries handed over before {@code deadline} and never confirmed become FAILED. */
  @Transactional(TxType.REQUIRES_NEW)
  public int failUnconfirmed(Instant deadline, Instant now) {
    List<OutboxEntry> stale =
        em.createQuery(
                "SELECT e FROM OutboxEntry e WHERE e.state = :s AND e.nextAttemptAt < :d",
                OutboxEntry.class)
            .setParameter("s", OutboxState.AWAITING_CONFIRMATION)
            .setParameter("d", deadline)
            .getResultList();
    stale.forEach(
        e ->
            e.confirmed(
                false, "Keine Bestätigung des Empfängers bis " + deadline + " eingegangen.", now));
    return stale.size();
  }

  /**
   * Marks entries FAILED whose deliveries ended without an outcome {@code maxAttempts} times;
   * returns how many.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int giveUpAbandoned(Instant now, int maxAttempts) {
    return em.createNativeQuery(GIVE_UP_ABANDONED_SQL)
        .setParameter(1, ABANDONED_ERROR)
        .setParameter(2, Timestamp.from(now))
        .setParameter(3, maxAttempts)
        .executeUpdate();
  }

  /**
   * Records a failed attempt; {@code nextAttempt} empty means give up (state FAILED).
   *
   * @return whether it was recorded: false when this worker no longer holds the lease
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean markAttemptFailed(String id, String owner, String error, Optional<Instant> next) {
    OutboxEntry e = em.find(OutboxEntry.class, id);
    if (e != null && e.leasedBy(owner)) {
      e.attemptFailed(truncate(error, 1000), next.orElse(null));
      return true;
    }
    return false;
  }

  /**
   * Puts an entry back in the queue for an immediate attempt (staff action on FAILED entries).
   * Refuses with a conflict while a worker is delivering it; a delivered entry stays as it is.
   */
  @Transactional
  public Optional<OutboxEntry> retryNow(String id, Instant now) {
    Timestamp ts = Timestamp.from(now);
    int updated =
        em.createNativeQuery(RETRY_SQL)
            .setParameter(1, ts)
            .setParameter(2, id)
            .setParameter(3, ts)
            .executeUpdate();
    OutboxEntry e = em.find(OutboxEntry.class, id);
    if (e == null) {
      return Optional.empty();
    }
    em.refresh(e);
    if (updated == 0 && e.state() != OutboxState.DELIVERED) {
      throw new ConflictException(
          KernelError.CONFLICT,
          "Der Zustellauftrag wird gerade zugestellt; erneut versuchen, wenn der Versuch beendet"
              + " ist.");
    }
    return Optional.of(e);
  }

  /** Entries in {@code state}, newest first; {@code type} null means every type. */
  @Transactional
  public List<OutboxEntry> list(OutboxState state, String type, int limit) {
    var query =
        em.createQuery(
                "SELECT e FROM OutboxEntry e WHERE e.state = :s"
                    + (type == null ? "" : " AND e.type = :t")
                    + " ORDER BY e.createdAt DESC",
                OutboxEntry.class)
            .setParameter("s", state)
            .setMaxResults(limit);
    if (type != null) {
      query.setParameter("t", type);
    }
    return query.getResultList();
  }

  /** Puts every FAILED entry (of {@code type}, or all) back in the queue; returns how many. */
  @Transactional
  public int retryAllFailed(String type, Instant now) {
    var update =
        em.createQuery(
                "UPDATE OutboxEntry e SET e.state = :pending, e.nextAttemptAt = :now"
                    + " WHERE e.state = :failed"
                    + (type == null ? "" : " AND e.type = :t"))
            .setParameter("pending", OutboxState.PENDING)
            .setParameter("failed", OutboxState.FAILED)
            .setParameter("now", now);
    if (type != null) {
      update.setParameter("t", type);
    }
    return update.executeUpdate();
  }

  /** Counts for monitoring: pending, failed, and the creation time of the oldest pending entry. */
  @Transactional
  public OutboxStats stats() {
    Object oldest =
        em.createQuery("SELECT MIN(e.createdAt) FROM OutboxEntry e WHERE e.state = :p")
            .setParameter("p", OutboxState.PENDING)
            .getSingleResult();
    Instant oldestInstant =
        oldest instanceof Timestamp t ? t.toInstant() : oldest instanceof Instant i ? i : null;
    return new OutboxStats(count(OutboxState.PENDING), count(OutboxState.FAILED), oldestInstant);
  }

  /** A snapshot of the outbox for health checks and metrics. */
  public record OutboxStats(long pending, long failed, Instant oldestPendingCreatedAt) {}

  @Transactional
  public Optional<OutboxEntry> findByKey(String idempotencyKey) {
    return em.createQuery(
            "SELECT e FROM OutboxEntry e WHERE e.idempotencyKey = :k", OutboxEntry.class)
        .setParameter("k", idempotencyKey)
        .getResultStream()
        .findFirst();
  }

  @Transactional
  public long count(OutboxState state) {
    return em.createQuery("SELECT COUNT(e) FROM OutboxEntry e WHERE e.state = :s", Long.class)
        .setParameter("s", state)
        .getSingleResult();
  }

  private static String truncate(String s, int max) {
    if (s == null) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max);
  }
}
