package de.buergerbuero.kernel.spi.forms;

import java.util.Map;

/**
 * The form servers this deployment fetches from, by source name ({@code formsolutions}, {@code
 * fitconnect}), built by {@link de.buergerbuero.kernel.connect.FormServersProducer} from the
 * configured {@link FormServerFactory}s (empty when none is configured).
 */
public record FormServers(Map<String, FormServerPort> bySource) {
  public FormServers {
    bySource = Map.copyOf(bySource);
  }

  public static FormServers none() {
    return new FormServers(Map.of());
  }
}
