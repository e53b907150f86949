package de.buergerbuero.connector.hybridmail;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * The hybrid-mail channel's configuration ({@value #PREFIX}…):
 *
 * <ul>
 *   <li>{@code api-url} (e.g. {@code https://api.pingen.com}), {@code token-url} (e.g. {@code
 *       https://identity.pingen.com/auth/access-tokens}): https, or http on loopback for tests;
 *   <li>{@code client-id}, {@code client-secret}, {@code organisation}: the account (required);
 *   <li>{@code webhook-signing-key}: the key the service signs its webhooks with (required, at
 *       least 32 characters);
 *   <li>{@code delivery-product} ({@code cheap}, {@code fast}, {@code registered}; default {@code
 *       fast}), {@code print-mode} ({@code simplex}/{@code duplex}, default {@code duplex}), {@code
 *       print-spectrum} ({@code grayscale}/{@code color}, default {@code grayscale});
 *   <li>{@code max-document-bytes} (default 20 MB), {@code timeout} (default 30 s).
 * </ul>
 */
public record HybridMailConfig(
    URI apiUrl,
    URI tokenUrl,
    String clientId,
    String clientSecret,
    String organisation,
    String signingKey,
    String deliveryProduct,
    String printMode,
    String printSpectrum,
    long maxDocumentBytes,
    Duration timeout) {
  public static final String PREFIX = "buergerbuero.delivery.hybridmail.";

  public static HybridMailConfig from(ConnectorSettings s) {
    String key = s.required(PREFIX + "webhook-signing-key");
    if (key.length() < 32) {
      throw new ConfigurationException(PREFIX + "webhook-signing-key: at least 32 characters");
    }
    return new HybridMailConfig(
        secure(s.uri(PREFIX + "api-url"), PREFIX + "api-url"),
        secure(s.uri(PREFIX + "token-url"), PREFIX + "token-url"),
        s.required(PREFIX + "client-id"),
        s.required(PREFIX + "client-secret"),
        s.required(PREFIX + "organisation"),
        key,
        oneOf(s, "delivery-product", "fast", Set.of("cheap", "fast", "registered")),
        oneOf(s, "print-mode", "duplex", Set.of("simplex", "duplex")),
        oneOf(s, "print-spectrum", "grayscale", Set.of("grayscale", "color")),
        Long.parseLong(s.optional(PREFIX + "max-document-bytes").orElse("20971520")),
        s.duration(PREFIX + "timeout").orElse(Duration.ofSeconds(30)));
  }

  private static String oneOf(ConnectorSettings s, String name, String fallback, Set<String> ok) {
    String v = s.optional(PREFIX + name).orElse(fallback);
    if (!ok.contains(v)) {
      throw new ConfigurationException(PREFIX + name + " must be one of " + ok + ": " + v);
    }
    return v;
  }

  /** Credentials and letters travel only over https; plain http only to this machine (tests). */
  static URI secure(URI uri, String key) {
    boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
    if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
      throw new ConfigurationException(key + " must be https: " + uri);
    }
    return uri;
  }
}
