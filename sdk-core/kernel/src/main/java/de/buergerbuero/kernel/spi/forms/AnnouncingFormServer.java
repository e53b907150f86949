package de.buergerbuero.kernel.spi.forms;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A form server that announces new submissions with an authenticated callback ({@code POST
 * /api/v1/forms/{kind}/callbacks}); an authentic callback makes the SDK fetch at once instead of at
 * its next poll. A callback never carries data the SDK trusts: it is only a trigger.
 */
public interface AnnouncingFormServer {

  /**
   * Checks a callback.
   *
   * @param header the request's header of a name (case-insensitive), or {@code null}
   * @return empty when the callback is authentic and new; otherwise the reason for refusing it
   *     (logged, so no personal data)
   */
  Optional<String> refuseCallback(UnaryOperator<String> header, byte[] body);

  /**
   * The one-time identifier of a callback that {@link #refuseCallback} accepted (e.g. its
   * signature). The SDK records it in the database-backed {@link
   * de.buergerbuero.kernel.spi.guard.ReplayGuard} for {@link #callbackWindow()}, so that a captured
   * callback posted again is refused by every instance and after a restart, not only by the
   * connector's own memory (ADR 0019).
   *
   * @return empty when the form server's callbacks carry no such identifier
   */
  default Optional<String> callbackId(UnaryOperator<String> header) {
    return Optional.empty();
  }

  /** How long a callback is accepted at all (its identifier is remembered that long). */
  default Duration callbackWindow() {
    return Duration.ofMinutes(10);
  }
}
