package de.buergerbuero.kernel.profile;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The deployment profile, {@value #KEY}. Secure by default (ADR 0015): the development login and
 * every built-in secret work only when the profile is exactly {@value #DEVELOPMENT}; any other or
 * missing profile is treated as production and needs real secrets.
 */
public final class DeploymentProfile {
  public static final String KEY = "buergerbuero.profile";
  public static final String DEVELOPMENT = "development";

  private final Optional<String> name;

  private DeploymentProfile(Optional<String> name) {
    this.name = name.map(String::strip).filter(n -> !n.isEmpty());
  }

  /** The profile of the given value ({@code buergerbuero.profile}, empty when unset). */
  public static DeploymentProfile of(Optional<String> name) {
    return new DeploymentProfile(name == null ? Optional.empty() : name);
  }

  /** The profile of the running application (MicroProfile Config). */
  public static DeploymentProfile current() {
    return of(ConfigProvider.getConfig().getOptionalValue(KEY, String.class));
  }

  /** Whether this is the explicit development profile. */
  public boolean isDevelopment() {
    return name.filter(DEVELOPMENT::equals).isPresent();
  }

  /** How the profile is set, for messages: {@code buergerbuero.profile=x} or "no ...". */
  public String describe() {
    return name.map(n -> KEY + "=" + n).orElse("no " + KEY);
  }

  /**
   * A secret's value: the configured one; under the development profile the built-in development
   * value when none is configured. Outside development a missing value, or the built-in one, stops
   * the start with a message naming the key.
   */
  public String secret(String key, Optional<String> configured, String developmentValue) {
    Optional<String> value = configured.filter(v -> !v.isBlank());
    if (isDevelopment()) {
      return value.orElse(developmentValue);
    }
    if (value.isEmpty() || value.get().equals(developmentValue)) {
      throw missing(List.of(key));
    }
    return value.get();
  }

  /**
   * Checks every module's secrets at once. Under the development profile nothing is required;
   * otherwise the start is refused with one message naming each key that is unset or still holds
   * its built-in development value.
   */
  public void requireSecrets(
      Iterable<RequiredSecrets> modules, Function<String, Optional<String>> config) {
    if (isDevelopment()) {
      return;
    }
    Set<String> missing = new LinkedHashSet<>();
    for (RequiredSecrets module : modules) {
      for (RequiredSecrets.Secret secret : module.secrets(config)) {
        Optional<String> value = config.apply(secret.key()).filter(v -> !v.isBlank());
        if (value.isEmpty() || value.get().equals(secret.developmentValue())) {
          missing.add(secret.key());
        }
      }
    }
    if (!missing.isEmpty()) {
      throw missing(new ArrayList<>(missing));
    }
  }

  private ConfigurationException missing(List<String> keys) {
    return new ConfigurationException(
        "Refusing to start with "
            + describe()
            + " without real secrets: set "
            + String.join(", ", keys)
            + " (environment variables or files only the server reads). Built-in development"
            + " values and the development login work only with "
            + KEY
            + "="
            + DEVELOPMENT
            + ".");
  }
}
