package de.buergerbuero.kernel.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An audit entry written with its business change, waiting to be sealed into the chain. */
@Entity
@Table(name = "bb_audit_pending")
public class AuditPendingEntry extends AuditColumns {
  @Id
  @Column(name = "id")
  private String id;

  protected AuditPendingEntry() {}

  AuditPendingEntry(
      Instant occurredAt,
      String actor,
      String action,
      String objectType,
      String objectId,
      String detail) {
    super(occurredAt, actor, action, objectType, objectId, detail);
    this.id = UUID.randomUUID().toString();
  }

  /** The chained record this entry becomes at position {@code seq} after {@code prevHash}. */
  AuditRecord seal(long seq, String prevHash, AuditKey key) {
    String hash =
        AuditChain.hash(
            key, prevHash, seq, occurredAt, actor, action, objectType, objectId, detail);
    return new AuditRecord(
        seq, occurredAt, actor, action, objectType, objectId, detail, prevHash, hash, key.id());
  }
}
