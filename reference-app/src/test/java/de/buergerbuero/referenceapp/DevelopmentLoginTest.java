package de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.security.Caller;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DevelopmentLoginTest {

  @Test
  @DisplayName("the development login stops the deployment when the profile is production")
  void refusedInProduction() {
    DevelopmentLogin login = new DevelopmentLogin();
    login.profile = "production";
    assertThatThrownBy(() -> login.refuseInProduction(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.profile=production");
    assertThat(login.current()).isInstanceOf(Caller.Anonymous.class);
  }

  @Test
  @DisplayName("in development the login starts and answers with a Basic challenge")
  void allowedInDevelopment() {
    DevelopmentLogin login = new DevelopmentLogin();
    login.profile = "development";
    login.refuseInProduction(null);
    assertThat(login.authenticationChallenge())
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }
}
