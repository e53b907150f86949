package de.buergerbuero.connector.fitconnect;

import static de.buergerbuero.connector.fitconnect.FitConnectConfig.PREFIX;

import com.nimbusds.jose.jwk.RSAKey;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.forms.FormServerFactory;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import java.io.IOException;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Clock;

/**
 * Kind {@code fitconnect}, on when {@code buergerbuero.forms.fitconnect.submission-api-url} is set:
 * polled through the Submission API; with {@code …callback-secret} set it also takes the
 * Zustelldienst's callbacks ({@link de.buergerbuero.kernel.spi.forms.AnnouncingFormServer}),
 * otherwise they are refused.
 */
public final class FitConnectFormServerFactory implements FormServerFactory {
  @Override
  public String kind() {
    return "fitconnect";
  }

  @Override
  public boolean configured(ConnectorSettings settings) {
    return settings.isSet(PREFIX + "submission-api-url");
  }

  @Override
  public FormServerPort create(ConnectorSettings settings, Clock clock) {
    FitConnectConfig config =
        new FitConnectConfig(
            settings.uri(PREFIX + "token-url"),
            settings.uri(PREFIX + "submission-api-url"),
            settings.required(PREFIX + "client-id"),
            settings.required(PREFIX + "client-secret"),
            settings.required(PREFIX + "destination-id"),
            jwk(settings, PREFIX + "decryption-key"),
            jwk(settings, PREFIX + "signing-key"),
            FitConnectConfig.schemasIn(settings.path(PREFIX + "schema-directory")),
            settings.duration(PREFIX + "timeout").orElse(null));
    CallbackVerifier callbacks =
        settings
            .optional(PREFIX + "callback-secret")
            .map(secret -> new CallbackVerifier(secret, clock))
            .orElse(null);
    return new FitConnectConnector(config, clock, callbacks);
  }

  private static RSAKey jwk(ConnectorSettings settings, String key) {
    try {
      return RSAKey.parse(Files.readString(settings.path(key)));
    } catch (IOException | ParseException e) {
      throw new ConfigurationException(
          key + ": no readable RSA JWK (" + e.getClass().getSimpleName() + ")");
    }
  }
}
