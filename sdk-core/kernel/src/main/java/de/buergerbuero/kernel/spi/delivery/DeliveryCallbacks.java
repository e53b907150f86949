package de.buergerbuero.kernel.spi.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A channel whose peer reports later outcomes (printed, handed over, returned) by calling the SDK:
 * {@code POST /api/v1/delivery/{channel}/callbacks}. The connector checks the callback's
 * authenticity (signature with the shared secret, as its peer signs) and reads the reports; the SDK
 * refuses a callback seen before (by {@link Check#callbackId()}, in the database, on every
 * instance) and then records the reports. A callback never changes anything unless it is authentic.
 */
public interface DeliveryCallbacks {

  /**
   * Checks and reads one callback.
   *
   * @param header the request's header of a name (case-insensitive), or {@code null}
   * @param body the raw body, already limited in size by the SDK
   */
  Check check(UnaryOperator<String> header, byte[] body);

  /** How long the SDK remembers a callback's id to refuse it again (a replay). */
  default Duration callbackWindow() {
    return Duration.ofDays(7);
  }

  /**
   * What {@link #check} found: either a refusal with its reason (logged, so without personal data)
   * or an authentic callback with its one-time id and the reports it carries.
   */
  record Check(String refusal, String callbackId, List<DeliveryReceipt> reports) {
    public Check {
      reports = reports == null ? List.of() : List.copyOf(reports);
    }

    public static Check refused(String reason) {
      return new Check(Objects.requireNonNull(reason, "reason"), null, List.of());
    }

    public static Check authentic(String callbackId, List<DeliveryReceipt> reports) {
      return new Check(null, Objects.requireNonNull(callbackId, "callbackId"), reports);
    }

    public boolean isAuthentic() {
      return refusal == null;
    }
  }
}
