package de.buergerbuero.kernel.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeploymentProfileTest {
  private static final RequiredSecrets APPOINTMENTS =
      config ->
          List.of(new RequiredSecrets.Secret("buergerbuero.appointments.secret", "dev-value"));
  private static final RequiredSecrets FORMS =
      config -> List.of(new RequiredSecrets.Secret("buergerbuero.forms.callback-secret", null));

  private static Function<String, Optional<String>> config(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  @Test
  @DisplayName("only the exact value 'development' is the development profile")
  void onlyExplicitDevelopment() {
    assertThat(DeploymentProfile.of(Optional.of("development")).isDevelopment()).isTrue();
    assertThat(DeploymentProfile.of(Optional.empty()).isDevelopment()).isFalse();
    assertThat(DeploymentProfile.of(Optional.of("")).isDevelopment()).isFalse();
    assertThat(DeploymentProfile.of(Optional.of("production")).isDevelopment()).isFalse();
    assertThat(DeploymentProfile.of(Optional.of("staging")).isDevelopment()).isFalse();
    assertThat(DeploymentProfile.of(Optional.of("Development")).isDevelopment()).isFalse();
  }

  @Test
  @DisplayName("without a profile and without secrets the start is refused, naming each key")
  void missingProfileNamesEveryMissingSecret() {
    DeploymentProfile none = DeploymentProfile.of(Optional.empty());
    assertThatThrownBy(() -> none.requireSecrets(List.of(APPOINTMENTS, FORMS), config(Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.appointments.secret")
        .hasMessageContaining("buergerbuero.forms.callback-secret")
        .hasMessageContaining("buergerbuero.profile=development");
  }

  @Test
  @DisplayName("any other profile refuses a built-in development secret set as the real one")
  void developmentValueIsNoSecretOutsideDevelopment() {
    DeploymentProfile staging = DeploymentProfile.of(Optional.of("staging"));
    assertThatThrownBy(
            () ->
                staging.requireSecrets(
                    List.of(APPOINTMENTS),
                    config(Map.of("buergerbuero.appointments.secret", "dev-value"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.appointments.secret");
    assertThatThrownBy(
            () ->
                staging.secret("buergerbuero.appointments.secret", Optional.of("  "), "dev-value"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.appointments.secret");
  }

  @Test
  @DisplayName("with real secrets any profile starts and uses them")
  void realSecretsStart() {
    DeploymentProfile production = DeploymentProfile.of(Optional.of("production"));
    production.requireSecrets(
        List.of(APPOINTMENTS, FORMS),
        config(
            Map.of(
                "buergerbuero.appointments.secret", "s3cr3t-from-vault",
                "buergerbuero.forms.callback-secret", "another")));
    assertThat(production.secret("k", Optional.of("s3cr3t-from-vault"), "dev-value"))
        .isEqualTo("s3cr3t-from-vault");
  }

  @Test
  @DisplayName("the development profile falls back to the built-in development values")
  void developmentUsesBuiltInValues() {
    DeploymentProfile development = DeploymentProfile.of(Optional.of("development"));
    development.requireSecrets(List.of(APPOINTMENTS, FORMS), config(Map.of()));
    assertThat(development.secret("k", Optional.empty(), "dev-value")).isEqualTo("dev-value");
  }

  @Test
  @DisplayName("on PostgreSQL the database password is a required secret; Derby needs none")
  void databasePassword() {
    DeploymentProfile production = DeploymentProfile.of(Optional.of("production"));
    DatabaseSecrets db = new DatabaseSecrets();
    production.requireSecrets(List.of(db), config(Map.of("db.kind", "derby")));
    assertThatThrownBy(
            () ->
                production.requireSecrets(
                    List.of(db),
                    config(Map.of("db.kind", "postgresql", "db.password", "buergerbuero"))))
        .hasMessageContaining("db.password");
  }
}
