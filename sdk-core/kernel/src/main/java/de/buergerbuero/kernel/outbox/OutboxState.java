package de.buergerbuero.kernel.outbox;

/** Where an outbox entry stands. */
public enum OutboxState {
  /** Waiting for (another) delivery attempt. */
  PENDING,
  /** The outside system confirmed it. */
  DELIVERED,
  /** Gave up: permanent error or attempts exhausted. Staff can retry it. */
  FAILED
}
