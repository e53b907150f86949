package de.buergerbuero.connector.zbp;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

/**
 * The ZBP channel's configuration ({@value #PREFIX}…):
 *
 * <ul>
 *   <li>{@code url}: the ZBP's base URL (integration: {@code https://int.zbp.bund.de}); https only
 *       outside the development profile's loopback tests;
 *   <li>{@code keystore}, {@code keystore-password}: the authority's BPKI certificate and key as
 *       PKCS#12 — the TLS client certificate, and the key that signs token and messages;
 *   <li>{@code truststore}, {@code truststore-password} (optional): PKCS#12 with the ZBP's server
 *       certificate chain; the runtime's trust store otherwise;
 *   <li>{@code sender}: the authority's name shown in the postbox (required);
 *   <li>{@code reply-address}, {@code retrieval-address}, {@code sender-url} (optional);
 *   <li>{@code trust-level}: the {@code stork_qaa_level} a reader needs (1–4, default 3, i.e.
 *       "substantiell" as for a Bescheid);
 *   <li>{@code max-document-bytes} (default 10 MB), {@code timeout} (default 30 s).
 * </ul>
 */
public record ZbpConfig(
    URI baseUrl,
    KeyStore keyStore,
    char[] keyPassword,
    KeyStore trustStore,
    String sender,
    String replyAddress,
    String retrievalAddress,
    String senderUrl,
    int trustLevel,
    long maxDocumentBytes,
    Duration timeout) {
  public static final String PREFIX = "buergerbuero.delivery.zbp.";

  public static ZbpConfig from(ConnectorSettings settings) {
    URI url = settings.uri(PREFIX + "url");
    if (!"https".equals(url.getScheme())) {
      throw new ConfigurationException(
          PREFIX + "url must be https: the ZBP takes only mutual TLS (" + url + ")");
    }
    char[] keyPassword = settings.required(PREFIX + "keystore-password").toCharArray();
    KeyStore keys = load(settings.path(PREFIX + "keystore"), keyPassword, PREFIX + "keystore");
    KeyStore trust =
        settings.isSet(PREFIX + "truststore")
            ? load(
                settings.path(PREFIX + "truststore"),
                settings.required(PREFIX + "truststore-password").toCharArray(),
                PREFIX + "truststore")
            : null;
    int level = Integer.parseInt(settings.optional(PREFIX + "trust-level").orElse("3"));
    if (level < 1 || level > 4) {
      throw new ConfigurationException(PREFIX + "trust-level must be 1 to 4: " + level);
    }
    String sender = settings.required(PREFIX + "sender");
    if (sender.length() > 255) {
      throw new ConfigurationException(PREFIX + "sender: at most 255 characters");
    }
    return new ZbpConfig(
        url,
        keys,
        keyPassword,
        trust,
        sender,
        settings.optional(PREFIX + "reply-address").orElse(null),
        settings.optional(PREFIX + "retrieval-address").orElse(null),
        settings.optional(PREFIX + "sender-url").orElse(null),
        level,
        Long.parseLong(settings.optional(PREFIX + "max-document-bytes").orElse("10485760")),
        settings.duration(PREFIX + "timeout").orElse(Duration.ofSeconds(30)));
  }

  static KeyStore load(Path file, char[] password, String key) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigurationException(
          key + ": cannot read PKCS#12 " + file + " (" + e.getMessage() + ")");
    }
  }
}
