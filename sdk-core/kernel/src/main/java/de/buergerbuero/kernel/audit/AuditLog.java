package de.buergerbuero.kernel.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Append-only audit log of staff access to personal data and of every decision. Appends take part
 * in the caller's transaction: the audited change and its entry commit together.
 */
@ApplicationScoped
public class AuditLog {
  private static final int PAGE = 500;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /**
   * Appends an entry. {@code detail} must not contain personal data (status names, ids, counts).
   */
  @Transactional(TxType.MANDATORY)
  public AuditRecord append(
      String actor, String action, String objectType, String objectId, String detail) {
    AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
    long seq = head.lastSeq() + 1;
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String hash =
        AuditChain.hash(head.lastHash(), seq, at, actor, action, objectType, objectId, detail);
    AuditRecord record =
        new AuditRecord(
            seq, at, actor, action, objectType, objectId, detail, head.lastHash(), hash);
    em.persist(new AuditEntry(record));
    head.advance(seq, hash);
    return record;
  }

  /** The entries about one object, oldest first. */
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

  /** Recomputes the whole chain and compares it with the stored head. */
  @Transactional
  public AuditChain.Verification verify() {
    AuditHead head = em.find(AuditHead.class, 1);
    AuditChain.Verifier verifier = new AuditChain.Verifier();
    long after = 0;
    while (true) {
      List<AuditEntry> page =
          em.createQuery(
                  "SELECT a FROM AuditEntry a WHERE a.seq > :s ORDER BY a.seq", AuditEntry.class)
              .setParameter("s", after)
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
