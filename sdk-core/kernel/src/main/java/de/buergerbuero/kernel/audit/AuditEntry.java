package de.buergerbuero.kernel.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Persistent form of {@link AuditRecord}: a sealed link of the chain; only ever inserted. */
@Entity
@Table(name = "bb_audit_log")
public class AuditEntry extends AuditColumns {
  @Id
  @Column(name = "seq")
  private long seq;

  @Column(name = "prev_hash")
  private String prevHash;

  @Column(name = "hash")
  private String hash;

  @Column(name = "key_id")
  private String keyId;

  protected AuditEntry() {}

  AuditEntry(AuditRecord r) {
    super(r.occurredAt(), r.actor(), r.action(), r.objectType(), r.objectId(), r.detail());
    this.seq = r.seq();
    this.prevHash = r.prevHash();
    this.hash = r.hash();
    this.keyId = r.keyId();
  }

  public AuditRecord toRecord() {
    return new AuditRecord(
        seq, occurredAt, actor, action, objectType, objectId, detail, prevHash, hash, keyId);
  }
}
