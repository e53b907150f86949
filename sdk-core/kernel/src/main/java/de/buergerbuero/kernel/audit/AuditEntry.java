package de.buergerbuero.kernel.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Persistent form of {@link AuditRecord}; rows are only ever inserted. */
@Entity
@Table(name = "bb_audit_log")
public class AuditEntry {
  @Id
  @Column(name = "seq")
  private long seq;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "actor")
  private String actor;

  @Column(name = "action")
  private String action;

  @Column(name = "object_type")
  private String objectType;

  @Column(name = "object_id")
  private String objectId;

  @Column(name = "detail")
  private String detail;

  @Column(name = "prev_hash")
  private String prevHash;

  @Column(name = "hash")
  private String hash;

  protected AuditEntry() {}

  AuditEntry(AuditRecord r) {
    this.seq = r.seq();
    this.occurredAt = r.occurredAt();
    this.actor = r.actor();
    this.action = r.action();
    this.objectType = r.objectType();
    this.objectId = r.objectId();
    this.detail = r.detail();
    this.prevHash = r.prevHash();
    this.hash = r.hash();
  }

  public AuditRecord toRecord() {
    return new AuditRecord(
        seq, occurredAt, actor, action, objectType, objectId, detail, prevHash, hash);
  }
}
