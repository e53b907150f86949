package de.buergerbuero.kernel.spi.forms;

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
}
