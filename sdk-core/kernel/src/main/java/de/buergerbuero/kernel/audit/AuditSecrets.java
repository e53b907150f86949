package de.buergerbuero.kernel.audit;

import de.buergerbuero.kernel.profile.RequiredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit log's two keys, declared to the start-up check so that a server without them names them
 * together with every other missing secret (ADR 0015, ADR 0016).
 */
@ApplicationScoped
class AuditSecrets implements RequiredSecrets {
  @Override
  public List<Secret> secrets(Function<String, Optional<String>> config) {
    return List.of(
        new Secret(AuditKeys.KEY, AuditKeys.DEVELOPMENT_KEY),
        new Secret(AuditKeys.PSEUDONYM_KEY, AuditKeys.DEVELOPMENT_PSEUDONYM_KEY));
  }
}
