package de.buergerbuero.kernel.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off: the n-th retry waits {@code initialDelay × multiplier^(n-1)}, capped at
 * {@code maxDelay}, reduced by a random jitter of up to {@code jitter} (0–1) so that instances do
 * not retry in lock-step. After {@code maxAttempts} failed attempts the entry fails for good.
 */
public record BackoffPolicy(
    Duration initialDelay, double multiplier, Duration maxDelay, int maxAttempts, double jitter) {

  public BackoffPolicy {
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive");
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be >= 1");
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must be >= initialDelay");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
  }

  /** The delay before the next attempt after {@code failedAttempts} failures, without jitter. */
  public Duration delayAfter(int failedAttempts) {
    double factor = Math.pow(multiplier, Math.max(0, failedAttempts - 1));
    double millis = initialDelay.toMillis() * factor;
    if (Double.isInfinite(millis) || millis > maxDelay.toMillis()) {
      return maxDelay;
    }
    return Duration.ofMillis((long) millis);
  }

  /**
   * When to try next after {@code failedAttempts} failures, or empty when the entry has to fail for
   * good.
   *
   * @param random a source of numbers in [0, 1), e.g. {@code
   *     ThreadLocalRandom.current()::nextDouble}
   */
  public Optional<Instant> nextAttempt(int failedAttempts, Instant now, DoubleSupplier random) {
    if (failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    long delay = delayAfter(failedAttempts).toMillis();
    long reduced = (long) (delay * (1.0 - jitter * random.getAsDouble()));
    return Optional.of(now.plusMillis(reduced));
  }
}
