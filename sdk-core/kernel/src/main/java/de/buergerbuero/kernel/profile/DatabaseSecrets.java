package de.buergerbuero.kernel.profile;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The database password of server.xml ({@code db.password}) when the application runs on PostgreSQL
 * ({@code db.kind=postgresql}); the embedded Derby needs none.
 */
@ApplicationScoped
class DatabaseSecrets implements RequiredSecrets {
  static final String DEVELOPMENT_PASSWORD = "buergerbuero";

  @Override
  public List<Secret> secrets(Function<String, Optional<String>> config) {
    return config.apply("db.kind").filter("postgresql"::equals).isPresent()
        ? List.of(new Secret("db.password", DEVELOPMENT_PASSWORD))
        : List.of();
  }
}
