package de.buergerbuero.connector.servicekonto.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.profile.DeploymentProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginSecretsTest {
  private static Function<String, Optional<String>> config(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  @Test
  @DisplayName("switched-off logins need no secret")
  void offNeedsNothing() {
    assertThat(new LoginSecrets().secrets(config(Map.of()))).isEmpty();
    assertThat(
            new LoginSecrets()
                .secrets(
                    config(
                        Map.of(
                            "buergerbuero.login.oidc.enabled", "false",
                            "buergerbuero.login.saml.sp-keystore", "/etc/sp.p12"))))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "a start with SAML (keystore) and OIDC on but no secrets is refused naming both keys")
  void startRefusedNamingTheKeys() {
    Map<String, String> values =
        Map.of(
            "buergerbuero.login.saml.enabled", "true",
            "buergerbuero.login.saml.sp-keystore", "/etc/sp.p12",
            "buergerbuero.login.staff.oidc.enabled", "true");
    assertThatThrownBy(
            () ->
                DeploymentProfile.of(Optional.of("production"))
                    .requireSecrets(List.of(new LoginSecrets()), config(values)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.login.saml.sp-keystore-password")
        .hasMessageContaining("buergerbuero.login.staff.oidc.client-secret")
        .message()
        .doesNotContain("buergerbuero.login.oidc.client-secret");
  }

  @Test
  @DisplayName("with the secrets set the start goes on")
  void setSecretsPass() {
    Map<String, String> values =
        Map.of(
            "buergerbuero.login.saml.enabled", "true",
            "buergerbuero.login.saml.sp-keystore", "/etc/sp.p12",
            "buergerbuero.login.saml.sp-keystore-password", "s3cr3t-from-vault",
            "buergerbuero.login.oidc.enabled", "true",
            "buergerbuero.login.oidc.client-secret", "from-vault-too");
    assertThatCode(
            () ->
                DeploymentProfile.of(Optional.of("production"))
                    .requireSecrets(List.of(new LoginSecrets()), config(values)))
        .doesNotThrowAnyException();
  }
}
