package de.buergerbuero.kernel.spi.delivery;

import java.util.Objects;

/**
 * The channel's answer to a delivery or a later status report.
 *
 * @param deliveryId the channel's id of the delivery, prefixed by the channel (e.g. {@code zbp:})
 * @param state where it stands
 * @param reason why it failed; null otherwise
 */
public record DeliveryReceipt(String deliveryId, DeliveryState state, String reason) {
  public DeliveryReceipt {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(state, "state");
    if (state == DeliveryState.FAILED && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a failed delivery needs a reason");
    }
  }
}
