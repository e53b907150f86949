package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.kernel.profile.RequiredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The secrets of the logins that are switched on: the password of the SP keystore of each SAML
 * source that has one ({@code sp-keystore-password}) and the client secret of each OIDC source
 * ({@code client-secret}). They have no built-in value, not even under the development profile; a
 * server whose login is switched on but whose secret is missing refuses to start and names the key,
 * instead of failing at the first citizen's login (ADR 0015).
 */
@ApplicationScoped
public class LoginSecrets implements RequiredSecrets {
  static final List<String> SAML_PREFIXES =
      List.of("buergerbuero.login.saml.", "buergerbuero.login.staff.saml.");
  static final List<String> OIDC_PREFIXES =
      List.of("buergerbuero.login.oidc.", "buergerbuero.login.staff.oidc.");

  @Override
  public List<Secret> secrets(Function<String, Optional<String>> config) {
    List<Secret> secrets = new ArrayList<>();
    for (String prefix : SAML_PREFIXES) {
      if (enabled(config, prefix) && present(config, prefix + "sp-keystore")) {
        secrets.add(new Secret(prefix + "sp-keystore-password", null));
      }
    }
    for (String prefix : OIDC_PREFIXES) {
      if (enabled(config, prefix)) {
        secrets.add(new Secret(prefix + "client-secret", null));
      }
    }
    return secrets;
  }

  private static boolean enabled(Function<String, Optional<String>> config, String prefix) {
    return config.apply(prefix + "enabled").map(String::strip).filter("true"::equals).isPresent();
  }

  private static boolean present(Function<String, Optional<String>> config, String key) {
    return config.apply(key).filter(v -> !v.isBlank()).isPresent();
  }
}
