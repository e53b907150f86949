package de.buergerbuero.kernel.spi.delivery;

/** Where a delivery stands, as its channel reports it. */
public enum DeliveryState {
  /** Handed over; the channel has not confirmed delivery yet. */
  ACCEPTED,
  /** In the postbox, handed to the postal service, or sent by mail server. */
  DELIVERED,
  /** Failed for good (returned letter, unknown postbox); the reason says why. */
  FAILED;

  public boolean isFinal() {
    return this != ACCEPTED;
  }
}
