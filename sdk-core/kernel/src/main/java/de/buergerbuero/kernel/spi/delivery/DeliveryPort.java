package de.buergerbuero.kernel.spi.delivery;

/**
 * Port: deliver a document or a notice to an applicant through one channel — the BundID postbox
 * (ZBP), hybrid mail (print and post), e-mail notices. The SDK calls it only from the outbox, so
 * nothing is lost while a channel is down.
 *
 * <p>Implementations must be <b>idempotent by key</b>: sending again with the same {@code
 * idempotencyKey} returns the receipt of the first send and delivers nothing twice (the outbox
 * retries after crashes and timeouts). Errors: {@link DeliveryException#unavailable} for what may
 * work later, {@link DeliveryException#refused} for configuration problems, {@link
 * DeliveryException#rejected} for a delivery this channel can never make (no postbox, no address,
 * too large).
 *
 * <p>Channels that learn the outcome later (a letter printed or returned) report it to the {@link
 * DeliveryEvents} the SDK gives them, after verifying the peer's callback.
 */
public interface DeliveryPort {

  /** The channel's name, e.g. {@code zbp}, {@code hybridmail}, {@code email}. */
  String channel();

  /**
   * The largest sum of document bytes this channel takes in one delivery; 0 for a notice-only
   * channel (e-mail), which never carries the documents, only the notice that they are available.
   */
  long maxDocumentBytes();

  /** Hands the delivery over. */
  DeliveryReceipt send(String idempotencyKey, Delivery delivery);

  /** The current state of a delivery sent before; for channels that are asked rather than call. */
  DeliveryReceipt status(String deliveryId);
}
