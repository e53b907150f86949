package de.buergerbuero.appointments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client with bounded memory: at most {@code maxClients} buckets, the least
 * recently used one is dropped first. A bucket not touched for {@code period} is full again anyway,
 * so dropping it loses nothing; under a flood of new client keys only the oldest ones go, never all
 * (the former limiter cleared itself completely at 100 000 entries). Kept only in memory, per
 * server; client keys are never logged.
 */
final class RateLimit {
  private final int perPeriod;
  private final long periodNanos;
  private final LongSupplier nanoTime;
  private final LinkedHashMap<String, double[]> buckets;

  /**
   * @param perPeriod allowed actions per client and period (also the burst); 0 or less = no limit
   */
  RateLimit(int perPeriod, long periodNanos, int maxClients, LongSupplier nanoTime) {
    this.perPeriod = perPeriod;
    this.periodNanos = periodNanos;
    this.nanoTime = nanoTime;
    int max = Math.max(1, maxClients);
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > max;
          }
        };
  }

  /** Takes one action from the client's budget; false when it is empty. */
  synchronized boolean tryAcquire(String client) {
    if (perPeriod <= 0) {
      return true;
    }
    long now = nanoTime.getAsLong();
    // {tokens, last update in nanos}
    double[] bucket =
        buckets.computeIfAbsent(client == null ? "" : client, k -> new double[] {perPeriod, now});
    double refill = (now - (long) bucket[1]) / (double) periodNanos * perPeriod;
    bucket[0] = Math.min(perPeriod, bucket[0] + refill);
    bucket[1] = now;
    if (bucket[0] < 1) {
      return false;
    }
    bucket[0] -= 1;
    return true;
  }

  synchronized int trackedClients() {
    return buckets.size();
  }
}
