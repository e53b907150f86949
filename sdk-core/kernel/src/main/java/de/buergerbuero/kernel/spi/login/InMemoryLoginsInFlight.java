package de.buergerbuero.kernel.spi.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LoginsInFlight} in one instance's memory: for tests and tools without a database. Not for
 * production — it works for one instance only and holds at most {@code max} entries (expired ones
 * are dropped first; then a new login is refused with {@link IllegalStateException}).
 */
public final class InMemoryLoginsInFlight implements LoginsInFlight {
  private record Entry(String browserHash, String payload, Instant expires) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final int max;

  public InMemoryLoginsInFlight(int max) {
    this.max = max;
  }

  @Override
  public void put(String token, String browser, String payload, Instant now, Duration lifetime) {
    if (entries.size() >= max) {
      entries.values().removeIf(e -> !e.expires().isAfter(now));
      if (entries.size() >= max) {
        throw new IllegalStateException("too many logins in flight");
      }
    }
    entries.put(
        LoginHashes.sha256(token),
        new Entry(LoginHashes.sha256(browser), payload, now.plus(lifetime)));
  }

  @Override
  public Optional<String> take(String token, String browser, Instant now) {
    Entry e = token == null ? null : entries.remove(LoginHashes.sha256(token));
    if (e == null
        || !e.expires().isAfter(now)
        || (e.browserHash() != null
            && !LoginHashes.same(e.browserHash(), LoginHashes.sha256(browser)))) {
      return Optional.empty();
    }
    return Optional.of(e.payload());
  }

  /** Entries held now (expired ones included until the next cleanup). */
  public int size() {
    return entries.size();
  }
}
