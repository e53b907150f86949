package de.buergerbuero.kernel.profile;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Implemented (as a CDI bean) by a module that needs secrets: cancel-link keys, database passwords,
 * HMAC keys. Outside the development profile the server refuses to start until each is set, and the
 * message names every missing key at once (ADR 0015).
 */
@FunctionalInterface
public interface RequiredSecrets {

  /**
   * The secrets this module needs with the given configuration (a connector that is switched off
   * needs none).
   *
   * @param config the configuration, key to value
   */
  List<Secret> secrets(Function<String, Optional<String>> config);

  /**
   * One secret.
   *
   * @param key the configuration key that holds it
   * @param developmentValue the built-in value used under the development profile when the key is
   *     unset, or {@code null}; outside development this value is refused like a missing one
   */
  record Secret(String key, String developmentValue) {
    public Secret {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("key");
      }
    }
  }
}
