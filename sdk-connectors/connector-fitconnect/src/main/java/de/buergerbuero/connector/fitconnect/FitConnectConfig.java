package de.buergerbuero.connector.fitconnect;

import com.nimbusds.jose.jwk.RSAKey;
import de.buergerbuero.kernel.error.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the FIT-Connect subscriber (prefix {@code buergerbuero.forms.fitconnect.}).
 *
 * @param tokenUrl {@code token-url}: OAuth2 token endpoint of the FIT-Connect environment
 * @param submissionApiUrl {@code submission-api-url}: e.g. {@code
 *     https://submission-api-testing.fit-connect.fitko.dev}
 * @param clientId {@code client-id} of the subscriber client from the self-service portal
 * @param clientSecret {@code client-secret} (never logged)
 * @param destinationId {@code destination-id}: the town's destination (Zustellpunkt)
 * @param decryptionKey {@code decryption-key}: private JWK file of the destination
 * @param signingKey {@code signing-key}: private JWK file signing accept/reject events
 * @param acceptedSchemas {@code accepted-schemas}: submission schema URIs this town processes; data
 *     announced with another schema is rejected
 */
public record FitConnectConfig(
    URI tokenUrl,
    URI submissionApiUrl,
    String clientId,
    String clientSecret,
    String destinationId,
    RSAKey decryptionKey,
    RSAKey signingKey,
    Map<String, String> submissionSchemas,
    Duration timeout) {
  public static final String PREFIX = "buergerbuero.forms.fitconnect.";

  public FitConnectConfig {
    require(tokenUrl, "token-url");
    require(submissionApiUrl, "submission-api-url");
    require(clientId, "client-id");
    require(clientSecret, "client-secret");
    require(destinationId, "destination-id");
    require(decryptionKey, "decryption-key");
    require(signingKey, "signing-key");
    if (!decryptionKey.isPrivate() || !signingKey.isPrivate()) {
      throw new ConfigurationException(
          PREFIX + "decryption-key and signing-key must be private keys");
    }
    submissionSchemas = Map.copyOf(submissionSchemas == null ? Map.of() : submissionSchemas);
    if (timeout == null) {
      timeout = Duration.ofSeconds(30);
    }
  }

  private static void require(Object value, String key) {
    if (value == null || value.toString().isBlank()) {
      throw new ConfigurationException("Missing configuration: " + PREFIX + key);
    }
  }

  /**
   * Reads every {@code *.json} file of a directory as a submission schema, keyed by its {@code
   * $id}.
   */
  public static Map<String, String> schemasIn(java.nio.file.Path directory) {
    Map<String, String> schemas = new java.util.HashMap<>();
    try (var files = java.nio.file.Files.list(directory)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        String text = java.nio.file.Files.readString(file);
        String id =
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).path("$id").asText("");
        if (id.isBlank()) {
          throw new ConfigurationException(
              PREFIX + "schema-directory: " + file.getFileName() + " has no $id");
        }
        schemas.put(id, text);
      }
    } catch (java.io.IOException e) {
      throw new ConfigurationException(PREFIX + "schema-directory not readable: " + directory);
    }
    return schemas;
  }

  @Override
  public String toString() {
    return "FitConnectConfig[token-url="
        + tokenUrl
        + ", submission-api-url="
        + submissionApiUrl
        + ", client-id="
        + clientId
        + ", client-secret=***, destination-id="
        + destinationId
        + "]";
  }
}
