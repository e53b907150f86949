package de.buergerbuero.kernel.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Append-only audit log of staff access to personal data and of every decision.
 *
 * <p>An append is a plain insert into {@code bb_audit_pending} inside the caller's transaction: the
 * audited change and its entry commit together, and concurrent requests do not wait for each other.
 * {@link AuditSealer} then appends pending entries to the HMAC-SHA-256 hash chain in {@code
 * bb_audit_log} in batches, under a lock on the chain's head row, keyed with the audit key ({@link
 * AuditKeys}). An applicant's subject id is stored only as a keyed pseudonym. Reading and verifying
 * seal first, so they always see every committed entry in the chain.
 */
@ApplicationScoped
public class AuditLog {
  static final int PAGE = 500;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditKeys keys;

  /**
   * Records an entry. {@code detail} must not contain personal data (status names, ids, counts). An
   * actor {@code applicant:<subject id>} is stored as {@code applicant:ps-<keyed pseudonym>}.
   */
  @Transactional(TxType.MANDATORY)
  public void append(
      String actor, String action, String objectType, String objectId, String detail) {
    em.persist(
        new AuditPendingEntry(
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            keys.actor(actor),
            action,
            objectType,
            objectId,
            detail));
  }

  /**
   * Appends all pending entries to the chain, oldest first; returns how many. Runs in its own
   * transaction; instances serialise on the head row.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int sealPending() {
    AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
    List<AuditPendingEntry> pending =
        em.createQuery(
                "SELECT p FROM AuditPendingEntry p ORDER BY p.occurredAt, p.id",
                AuditPendingEntry.class)
            .setMaxResults(PAGE)
            .getResultList();
    long seq = head.lastSeq();
    String prev = head.lastHash();
    AuditKey key = keys.chain();
    for (AuditPendingEntry p : pending) {
      AuditRecord sealed = p.seal(++seq, prev, key);
      em.persist(new AuditEntry(sealed));
      em.remove(p);
      prev = sealed.hash();
    }
    head.advance(seq, prev);
    return pending.size();
  }

  /** The newest sealed entry: the head's position and hash, and where keying began. */
  @Transactional
  public Head head() {
    AuditHead head = em.find(AuditHead.class, 1);
    return new Head(head.lastSeq(), head.lastHash(), head.unkeyedUntil());
  }

  /** The chain's head as a value. */
  public record Head(long seq, String hash, long unkeyedUntil) {}

  /** The hash of the entry at {@code seq}, empty when there is none. */
  @Transactional
  public java.util.Optional<String> hashAt(long seq) {
    AuditEntry e = em.find(AuditEntry.class, seq);
    return e == null ? java.util.Optional.empty() : java.util.Optional.of(e.toRecord().hash());
  }

  /** The chained entries about one object, oldest first (seal first to include recent ones). */
  @Transactional
  public List<AuditRecord> entriesFor(String objectType, String objectId) {
    return em.createQuery(
            "SELECT a FROM AuditEntry a WHERE a.objectType = :t AND a.objectId = :i ORDER BY a.seq",
            AuditEntry.class)
        .setParameter("t", objectType)
        .setParameter("i", objectId)
        .getResultStream()
        .map(AuditEntry::toRecord)
        .toList();
  }

  /**
   * Recomputes the whole chain and compares it with the stored head. Call {@link
   * AuditSealer#sealAll()} first to include entries written in the last moments.
   */
  @Transactional
  public AuditChain.Verification verifyChain() {
    AuditHead head = em.find(AuditHead.class, 1);
    // entries sealed while this runs lie beyond the head read here; they are checked next time
    long last = head.lastSeq();
    AuditChain.Verifier verifier = new AuditChain.Verifier(keys.chain(), head.unkeyedUntil());
    long after = 0;
    while (true) {
      List<AuditEntry> page =
          em.createQuery(
                  "SELECT a FROM AuditEntry a WHERE a.seq > :s AND a.seq <= :last ORDER BY a.seq",
                  AuditEntry.class)
              .setParameter("s", after)
              .setParameter("last", last)
              .setMaxResults(PAGE)
              .getResultList();
      for (AuditEntry e : page) {
        AuditRecord r = e.toRecord();
        if (!verifier.accept(r)) {
          return verifier.finish(head.lastSeq(), head.lastHash());
        }
        after = r.seq();
      }
      em.clear();
      if (page.size() < PAGE) {
        return verifier.finish(head.lastSeq(), head.lastHash());
      }
    }
  }
}
