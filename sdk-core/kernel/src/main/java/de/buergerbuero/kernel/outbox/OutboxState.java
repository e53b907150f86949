package de.buergerbuero.kernel.outbox;

/** Where an outbox entry stands. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(
    description = "State of a delivery job: PENDING, AWAITING_CONFIRMATION, DELIVERED, FAILED.")
public enum OutboxState {
  /** Waiting for (another) delivery attempt. */
  PENDING,
  /**
   * Handed over to a system that confirms later (e.g. an xdomea import confirmation); waits for
   * that confirmation or fails after the confirmation timeout.
   */
  AWAITING_CONFIRMATION,
  /** The outside system confirmed it. */
  DELIVERED,
  /** Gave up: permanent error or attempts exhausted. Staff can retry it. */
  FAILED
}
