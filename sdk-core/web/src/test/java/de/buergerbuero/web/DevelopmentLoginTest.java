package de.buergerbuero.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.security.Caller;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DevelopmentLoginTest {

  private static DevelopmentLogin login(String profile, boolean enabled) {
    DevelopmentLogin login = new DevelopmentLogin();
    login.profile = java.util.Optional.ofNullable(profile);
    login.enabled = java.util.Optional.of(enabled);
    return login;
  }

  @Test
  @DisplayName("production with the development login switched on: the deployment stops")
  void refusedInProduction() {
    DevelopmentLogin login = login("production", true);
    assertThatThrownBy(() -> login.refuseInProduction(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.profile=production")
        .hasMessageContaining("buergerbuero.login.development=false");
    assertThat(login.enabled()).isFalse();
    assertThat(login.resolve(null)).isInstanceOf(Caller.Anonymous.class);
  }

  @Test
  @DisplayName("production with the development login switched off starts, without it")
  void productionWithoutDevelopmentLogin() {
    DevelopmentLogin login = login("production", false);
    login.refuseInProduction(null);
    assertThat(login.enabled()).isFalse();
    assertThat(login.authenticationChallenge(null)).isEmpty();
  }

  @Test
  @DisplayName("in development the login starts and answers API clients with a Basic challenge")
  void allowedInDevelopment() {
    DevelopmentLogin login = login("development", true);
    login.refuseInProduction(null);
    assertThat(login.authenticationChallenge(null))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  @DisplayName(
      "a missing or any other profile than development never answers the development login")
  void onlyUnderTheDevelopmentProfile() {
    for (String profile : new String[] {null, "", "staging", "prod", "Production"}) {
      DevelopmentLogin login = login(profile, true);
      assertThat(login.enabled()).as("profile %s", profile).isFalse();
      assertThat(login.authenticationChallenge(null)).as("profile %s", profile).isEmpty();
    }
  }
}
