package de.buergerbuero.connector.formsolutions;

import static de.buergerbuero.connector.formsolutions.FormsolutionsConfig.PREFIX;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.forms.FormServerFactory;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import de.buergerbuero.kernel.spi.forms.PushingFormServer;
import java.time.Clock;

/**
 * Kind {@code formsolutions}, on when {@code buergerbuero.forms.formsolutions.url} is set: polled
 * through the Submission-API and able to push ({@link PushingFormServer}).
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
    return new Server(
        new FormsolutionsConnector(
            new FormsolutionsConfig(
                settings.uri(PREFIX + "url"),
                settings.required(PREFIX + "mandant"),
                settings.required(PREFIX + "client-number"),
                settings.required(PREFIX + "api-key"),
                settings.duration(PREFIX + "timeout").orElse(null))));
  }

  private record Server(FormsolutionsConnector connector)
      implements FormServerPort, PushingFormServer {
    @Override
    public Batch fetch(String formId) {
      return connector.fetch(formId);
    }

    @Override
    public void acknowledge(String formId, String submissionId) {
      connector.acknowledge(formId, submissionId);
    }

    @Override
    public boolean authorises(String authorizationHeader) {
      return connector.authorises(authorizationHeader);
    }

    @Override
    public FormSubmission pushed(String formId, byte[] body) {
      return FormsolutionsConnector.pushed(formId, body);
    }
  }
}
