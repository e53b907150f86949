package de.buergerbuero.appointments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits calendar searches per client (token bucket, in memory, per server): bots that scrape free
 * times to resell them are slowed down, people are not. The client key is the remote address; it is
 * kept only in memory and never logged. {@code buergerbuero.appointments.searches-per-minute}
 * (default 120, 0 = off).
 */
@ApplicationScoped
public class SearchRateLimiter {
  private static final int MAX_CLIENTS = 100_000;

  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.searches-per-minute", defaultValue = "120")
  int perMinute;

  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long updatedNanos;
  }

  /** Takes one search from the client's budget; throws 429 {@code BB-5012} when it is empty. */
  public void acquire(String client) {
    if (perMinute <= 0) {
      return;
    }
    if (buckets.size() > MAX_CLIENTS) {
      buckets.clear(); // a flood of addresses: start over rather than grow without bound
    }
    long now = System.nanoTime();
    Bucket bucket =
        buckets.computeIfAbsent(
            client == null ? "" : client,
            k -> {
              Bucket b = new Bucket();
              b.tokens = perMinute;
              b.updatedNanos = now;
              return b;
            });
    synchronized (bucket) {
      double refill = (now - bucket.updatedNanos) / 60e9 * perMinute;
      bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
      bucket.updatedNanos = now;
      if (bucket.tokens < 1) {
        throw AppointmentsError.TOO_MANY_SEARCHES.with(
            "Zu viele Terminsuchen in kurzer Zeit. Bitte versuchen Sie es in einer Minute erneut.");
      }
      bucket.tokens -= 1;
    }
  }
}
