package de.buergerbuero.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final BackoffPolicy policy =
      new BackoffPolicy(Duration.ofSeconds(2), 2.0, Duration.ofMinutes(10), 6, 0.2);

  @Test
  @DisplayName("the delay doubles after each failure and is capped")
  void doubles() {
    assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(policy.delayAfter(40)).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.delayAfter(5000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName("jitter only shortens the delay, by at most its fraction")
  void jitter() {
    assertThat(policy.nextAttempt(3, NOW, () -> 0.0)).contains(NOW.plusSeconds(8));
    assertThat(policy.nextAttempt(3, NOW, () -> 0.999).orElseThrow())
        .isAfterOrEqualTo(NOW.plusMillis(6400))
        .isBefore(NOW.plusSeconds(8));
  }

  @Test
  @DisplayName("after the last allowed attempt the entry fails for good")
  void exhausted() {
    assertThat(policy.nextAttempt(5, NOW, () -> 0.5)).isPresent();
    assertThat(policy.nextAttempt(6, NOW, () -> 0.5)).isEmpty();
  }

  @Test
  @DisplayName("nonsensical settings are refused")
  void validation() {
    assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, 2, Duration.ofSeconds(1), 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BackoffPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BackoffPolicy(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
