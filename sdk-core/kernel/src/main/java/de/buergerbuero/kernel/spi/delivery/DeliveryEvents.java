package de.buergerbuero.kernel.spi.delivery;

/**
 * Where a channel reports what became of a delivery after it was handed over (a status callback
 * from the peer, verified by the connector). Reports may repeat and arrive out of order; the SDK
 * keeps a failure, and a delivery reported failed after delivered (a returned letter) counts as
 * failed.
 */
@FunctionalInterface
public interface DeliveryEvents {

  void reported(DeliveryReceipt receipt);

  /** Ignores every report (for channels whose answer to {@code send} is already final). */
  DeliveryEvents NONE = receipt -> {};
}
