package de.buergerbuero.connector.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.forms.AnnouncingFormServer;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitConnectFormServerFactoryTest {
  @TempDir Path temp;

  private FormServerPort create(Map<String, String> extra) throws Exception {
    RSAKey enc = new RSAKeyGenerator(2048).keyID("enc").generate();
    RSAKey sig = new RSAKeyGenerator(2048).keyID("sig").generate();
    Files.writeString(temp.resolve("enc.json"), enc.toJSONString());
    Files.writeString(temp.resolve("sig.json"), sig.toJSONString());
    Files.createDirectories(temp.resolve("schemas"));
    String p = FitConnectConfig.PREFIX;
    var settings = new java.util.HashMap<String, String>(extra);
    settings.putAll(
        Map.of(
            p + "token-url", "http://127.0.0.1:9/token",
            p + "submission-api-url", "http://127.0.0.1:9",
            p + "client-id", "client",
            p + "client-secret", "secret",
            p + "destination-id", "dest",
            p + "decryption-key", temp.resolve("enc.json").toString(),
            p + "signing-key", temp.resolve("sig.json").toString(),
            p + "schema-directory", temp.resolve("schemas").toString()));
    return new FitConnectFormServerFactory()
        .create(ConnectorSettings.of(settings), Clock.systemUTC());
  }

  @Test
  @DisplayName(
      "the server a deployment gets is the connector itself, so the intake takes submissions one at a time")
  void deploymentGetsTheStreamingConnector() throws Exception {
    FormServerPort server = create(Map.of());
    assertThat(server).isInstanceOf(FitConnectConnector.class);
    assertThat(
            server
                .getClass()
                .getMethod("fetch", String.class, FormServerPort.Receiver.class)
                .getDeclaringClass())
        .isEqualTo(FitConnectConnector.class);
  }

  @Test
  @DisplayName("callbacks are refused without a callback secret and checked with one")
  void callbacks() throws Exception {
    var without = (AnnouncingFormServer) create(Map.of());
    assertThat(without.refuseCallback(h -> null, new byte[0])).isPresent();
    var with =
        (AnnouncingFormServer)
            create(
                Map.of(
                    FitConnectConfig.PREFIX + "callback-secret",
                    "test-only-callback-secret-0123456789abcdef"));
    assertThat(with.refuseCallback(h -> null, new byte[0])).isPresent();
  }
}
