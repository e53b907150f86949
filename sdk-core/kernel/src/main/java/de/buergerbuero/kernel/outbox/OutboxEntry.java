package de.buergerbuero.kernel.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One effect on an outside system, recorded in the same transaction as its business change. */
@Entity
@Table(name = "bb_outbox")
public class OutboxEntry {
  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "type")
  private String type;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "payload")
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(name = "state")
  private OutboxState state;

  @Column(name = "attempts")
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "result")
  private String result;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "lease_owner")
  private String leaseOwner;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  protected OutboxEntry() {}

  OutboxEntry(String id, String type, String idempotencyKey, String payload, Instant now) {
    this.id = id;
    this.type = type;
    this.idempotencyKey = idempotencyKey;
    this.payload = payload;
    this.state = OutboxState.PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String type() {
    return type;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public String payload() {
    return payload;
  }

  public OutboxState state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public String result() {
    return result;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant deliveredAt() {
    return deliveredAt;
  }

  void delivered(String result, Instant at) {
    this.state = OutboxState.DELIVERED;
    this.result = result;
    this.deliveredAt = at;
    this.lastError = null;
    release();
  }

  /** Handed over at {@code at}; while awaiting, {@code nextAttemptAt} holds the hand-over time. */
  void handedOver(String result, Instant at) {
    this.state = OutboxState.AWAITING_CONFIRMATION;
    this.nextAttemptAt = at;
    this.result = result;
    this.lastError = null;
    release();
  }

  void confirmed(boolean ok, String reason, Instant at) {
    this.state = ok ? OutboxState.DELIVERED : OutboxState.FAILED;
    this.deliveredAt = ok ? at : null;
    this.lastError = ok ? null : reason;
  }

  /** The attempt itself was counted when the entry was claimed. */
  void attemptFailed(String error, Instant nextAttempt) {
    this.lastError = error;
    if (nextAttempt == null) {
      this.state = OutboxState.FAILED;
    } else {
      this.nextAttemptAt = nextAttempt;
    }
    release();
  }

  boolean leasedBy(String owner) {
    return owner.equals(leaseOwner);
  }

  private void release() {
    this.leaseOwner = null;
    this.leaseUntil = null;
  }
}
