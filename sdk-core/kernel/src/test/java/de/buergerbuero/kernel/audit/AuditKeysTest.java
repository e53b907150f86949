package de.buergerbuero.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditKeysTest {
  private static AuditKeys keys(String profile, String key, String pseudonymKey) {
    AuditKeys k = new AuditKeys();
    k.profile = Optional.ofNullable(profile);
    k.key = Optional.ofNullable(key);
    k.pseudonymKey = Optional.ofNullable(pseudonymKey);
    k.load();
    return k;
  }

  @Test
  @DisplayName(
      "an applicant's subject id (bPK2) is stored as a keyed pseudonym, stable per person, never"
          + " as it is")
  void applicantPseudonym() {
    AuditKeys k =
        keys(
            "production",
            "chain-key-0123456789abcdef-0123456789",
            "pseudo-key-0123456789abcdef-0123");
    String bpk2 = "Ab3dEFghIJ+klmNOPqrSTuvwxYZ0123456789abcdE=";
    String actor = k.actor("applicant:" + bpk2);
    assertThat(actor).startsWith("applicant:ps-").doesNotContain(bpk2).hasSize(45);
    assertThat(k.actor("applicant:" + bpk2)).isEqualTo(actor);
    assertThat(k.actor("applicant:someone-else")).isNotEqualTo(actor);
    assertThat(k.actor("staff:clerk")).isEqualTo("staff:clerk");

    AuditKeys other =
        keys(
            "production",
            "chain-key-0123456789abcdef-0123456789",
            "another-pseudo-key-0123456789abcd");
    assertThat(other.actor("applicant:" + bpk2)).as("keyed").isNotEqualTo(actor);
  }

  @Test
  @DisplayName("without keys the deployment does not start, naming both keys, unless development")
  void keysRequired() {
    assertThatThrownBy(() -> keys(null, null, null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("buergerbuero.audit.key")
        .hasMessageContaining("buergerbuero.audit.pseudonym-key");
    assertThatThrownBy(() -> keys("production", "too-short", "pseudo-key-0123456789abcdef-0123"))
        .hasMessageContaining("buergerbuero.audit.key");
    AuditKeys dev = keys("development", null, null);
    assertThat(dev.chain().id()).isEqualTo(AuditKey.of(AuditKeys.DEVELOPMENT_KEY).id());
  }
}
