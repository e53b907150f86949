package de.buergerbuero.kernel.spi.forms;

import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import java.time.Clock;

/**
 * Builds a form-server connector from configuration. Each form-server connector ships one in {@code
 * META-INF/services/de.buergerbuero.kernel.spi.forms.FormServerFactory} (or the application
 * registers it as a CDI bean). Every factory whose {@link #configured} answers {@code true} is
 * built at start-up; the others stay off, with their endpoints answering 404.
 */
public interface FormServerFactory {

  /** The source name of the submissions, e.g. {@code formsolutions}; also the endpoint segment. */
  String kind();

  /** Whether the deployment configured this form server (typically: its URL key is set). */
  boolean configured(ConnectorSettings settings);

  /**
   * @throws de.buergerbuero.kernel.error.ConfigurationException naming the missing or wrong key
   */
  FormServerPort create(ConnectorSettings settings, Clock clock);
}
