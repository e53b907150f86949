package de.buergerbuero.connector.formsolutions;

import static de.buergerbuero.connector.formsolutions.FormsolutionsConfig.PREFIX;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.forms.FormServerFactory;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import java.time.Clock;

/**
 * Kind {@code formsolutions}, on when {@code buergerbuero.forms.formsolutions.url} is set: polled
 * through the Submission-API and able to push ({@link
 * de.buergerbuero.kernel.spi.forms.PushingFormServer}).
 */
public final class FormsolutionsFormServerFactory implements FormServerFactory {
  @Override
  public String kind() {
    return "formsolutions";
  }

  @Override
  public boolean configured(ConnectorSettings settings) {
    return settings.isSet(PREFIX + "url");
  }

  @Override
  public FormServerPort create(ConnectorSettings settings, Clock clock) {
    return new FormsolutionsConnector(
        new FormsolutionsConfig(
            settings.uri(PREFIX + "url"),
            settings.required(PREFIX + "mandant"),
            settings.required(PREFIX + "client-number"),
            settings.required(PREFIX + "api-key"),
            settings.duration(PREFIX + "timeout").orElse(null)));
  }
}
