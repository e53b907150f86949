package de.buergerbuero.kernel.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that holds the newest entry of the chain; locked by every append. */
@Entity
@Table(name = "bb_audit_head")
public class AuditHead {
  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "last_seq")
  private long lastSeq;

  @Column(name = "last_hash")
  private String lastHash;

  @Column(name = "unkeyed_until")
  private Long unkeyedUntil;

  protected AuditHead() {}

  long lastSeq() {
    return lastSeq;
  }

  String lastHash() {
    return lastHash;
  }

  /** The last entry sealed before the chain was keyed (0: none). */
  long unkeyedUntil() {
    return unkeyedUntil == null ? 0 : unkeyedUntil;
  }

  void advance(long seq, String hash) {
    this.lastSeq = seq;
    this.lastHash = hash;
  }
}
