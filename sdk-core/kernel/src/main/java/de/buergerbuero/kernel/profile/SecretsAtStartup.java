package de.buergerbuero.kernel.profile;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** Stops the deployment before anything else starts when a secret is missing (ADR 0015). */
@ApplicationScoped
class SecretsAtStartup {
  @Inject Config config;
  @Inject Instance<RequiredSecrets> modules;

  void check(@Observes @Priority(0) Startup startup) {
    DeploymentProfile.of(config.getOptionalValue(DeploymentProfile.KEY, String.class))
        .requireSecrets(modules, key -> config.getOptionalValue(key, String.class));
  }
}
