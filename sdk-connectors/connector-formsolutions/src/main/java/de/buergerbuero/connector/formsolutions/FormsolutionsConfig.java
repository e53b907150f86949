package de.buergerbuero.connector.formsolutions;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.net.URI;
import java.time.Duration;

/**
 * Configuration of the formsolutions connector (prefix {@code buergerbuero.forms.formsolutions.}).
 *
 * @param baseUrl {@code url}: the form server, e.g. {@code https://pdf.form-solutions.net}
 * @param mandant {@code mandant}: the municipality's Mandant at the form server
 * @param clientNumber {@code client-number}: user of the Basic authentication
 * @param apiKey {@code api-key}: its password (never logged)
 * @param timeout {@code timeout}: connect and request timeout, default 30 s
 */
public record FormsolutionsConfig(
    URI baseUrl, String mandant, String clientNumber, String apiKey, Duration timeout) {
  public static final String PREFIX = "buergerbuero.forms.formsolutions.";

  public FormsolutionsConfig {
    require(baseUrl, "url");
    require(mandant, "mandant");
    require(clientNumber, "client-number");
    require(apiKey, "api-key");
    if (!mandant.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new ConfigurationException(
          PREFIX + "mandant contains characters not allowed in a URL path");
    }
    if (timeout == null) {
      timeout = Duration.ofSeconds(30);
    }
  }

  private static void require(Object value, String key) {
    if (value == null || value.toString().isBlank()) {
      throw new ConfigurationException("Missing configuration: " + PREFIX + key);
    }
  }

  @Override
  public String toString() {
    return "FormsolutionsConfig[url="
        + baseUrl
        + ", mandant="
        + mandant
        + ", client-number="
        + clientNumber
        + ", api-key=***, timeout="
        + timeout
        + "]";
  }
}
