package de.buergerbuero.appointments;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.ConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cancel links are signed with the built-in secret only under the development profile. */
class CancelLinkSecretTest {

  private static AppointmentService service(String profile, String secret) {
    AppointmentService s = new AppointmentService();
    s.resource = java.util.Optional.of("test-locations.json");
    s.profile = java.util.Optional.ofNullable(profile);
    s.secret = java.util.Optional.ofNullable(secret);
    return s;
  }

  @Test
  @DisplayName("a staging system without its own secret does not start (the key is named)")
  void otherProfileWithoutSecretRefused() {
    assertThatThrownBy(() -> service("staging", "development-only-appointment-secret").load())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.appointments.secret");
    assertThatThrownBy(() -> service(null, null).load())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.appointments.secret");
  }

  @Test
  @DisplayName("with a real secret any profile starts; development starts without one")
  void realSecretOrDevelopment() {
    assertThatCode(() -> service("staging", "from-the-vault").load()).doesNotThrowAnyException();
    assertThatCode(() -> service("development", null).load()).doesNotThrowAnyException();
  }
}
