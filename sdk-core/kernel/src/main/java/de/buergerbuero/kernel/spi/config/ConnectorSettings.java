package de.buergerbuero.kernel.spi.config;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The configuration a connector factory reads, by full key (e.g. {@code
 * buergerbuero.dms.cmis.url}), so that every error message names the key an operator has to set. In
 * the container it is backed by MicroProfile Config (server.xml variables, environment variables,
 * {@code microprofile-config.properties}); in tests by a map. Connectors never read system
 * properties or environment variables themselves. Blank values count as not set.
 */
public final class ConnectorSettings {
  private final Function<String, Optional<String>> lookup;
  private final Supplier<Iterable<String>> names;

  private ConnectorSettings(
      Function<String, Optional<String>> lookup, Supplier<Iterable<String>> names) {
    this.lookup = lookup;
    this.names = names;
  }

  /**
   * Settings backed by any key-value source.
   *
   * @param lookup the value of a key, if any
   * @param names every key the source knows (used for key families such as {@code …property.*})
   */
  public static ConnectorSettings of(
      Function<String, Optional<String>> lookup, Supplier<Iterable<String>> names) {
    return new ConnectorSettings(lookup, names);
  }

  /** Settings from a fixed map (tests, the compatibility kits). */
  public static ConnectorSettings of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new ConnectorSettings(k -> Optional.ofNullable(copy.get(k)), copy::keySet);
  }

  /** The value, or empty when the key is missing or blank. */
  public Optional<String> optional(String key) {
    return lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  public boolean isSet(String key) {
    return optional(key).isPresent();
  }

  /**
   * The value of a key a connector cannot work without.
   *
   * @throws ConfigurationException naming the key when it is missing
   */
  public String required(String key) {
    return optional(key)
        .orElseThrow(() -> new ConfigurationException("Missing configuration: " + key));
  }

  public Path path(String key) {
    return Path.of(required(key));
  }

  /** An absolute URI; the message names the key when it is not one. */
  public URI uri(String key) {
    String text = required(key);
    try {
      URI uri = new URI(text);
      if (!uri.isAbsolute()) {
        throw new ConfigurationException(key + " is not an absolute URL: " + text);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigurationException(key + " is not a URL: " + e.getMessage());
    }
  }

  /** Seconds ({@code 30}) or an ISO-8601 duration ({@code PT30S}); empty when not set. */
  public Optional<Duration> duration(String key) {
    return optional(key).map(text -> parseDuration(key, text));
  }

  /** Every key below {@code prefix} with its value, keyed by the rest of the key (sorted). */
  public Map<String, String> under(String prefix) {
    Map<String, String> found = new TreeMap<>();
    for (String key : names.get()) {
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        optional(key).ifPresent(v -> found.put(key.substring(prefix.length()), v));
      }
    }
    return found;
  }

  private static Duration parseDuration(String key, String text) {
    try {
      Duration d =
          text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new ConfigurationException(key + "=" + text + " must be positive");
      }
      return d;
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new ConfigurationException(
          key + "=" + text + " is neither seconds nor an ISO-8601 duration");
    }
  }
}
