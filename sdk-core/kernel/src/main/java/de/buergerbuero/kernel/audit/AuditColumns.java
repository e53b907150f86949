package de.buergerbuero.kernel.audit;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** The columns every audit entry has, pending or sealed. */
@MappedSuperclass
abstract class AuditColumns {
  @Column(name = "occurred_at")
  protected Instant occurredAt;

  @Column(name = "actor")
  protected String actor;

  @Column(name = "action")
  protected String action;

  @Column(name = "object_type")
  protected String objectType;

  @Column(name = "object_id")
  protected String objectId;

  @Column(name = "detail")
  protected String detail;

  protected AuditColumns() {}

  AuditColumns(
      Instant occurredAt,
      String actor,
      String action,
      String objectType,
      String objectId,
      String detail) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.objectType = objectType;
    this.objectId = objectId;
    this.detail = detail;
  }
}
