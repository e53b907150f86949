package de.buergerbuero.connector.servicekonto;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the ids of consumed assertions until they expire, so a captured response cannot be
 * posted a second time. The portal uses the kernel's {@code ReplayGuard} (in the database, shared
 * by every instance); {@link #inMemory()} is for one process (tests, tools).
 */
@FunctionalInterface
public interface ReplayCache {

  /** Records the id; false when it was seen before and has not expired. */
  boolean firstUse(String assertionId, Instant expiresAt, Instant now);

  /** A cache in this process's memory, bounded to 200 000 live ids. */
  static ReplayCache inMemory() {
    Map<String, Instant> seen = new ConcurrentHashMap<>();
    int maxEntries = 200_000;
    return (assertionId, expiresAt, now) -> {
      if (seen.size() > maxEntries / 2) {
        seen.values().removeIf(expiry -> expiry.isBefore(now));
        if (seen.size() > maxEntries) {
          throw new SamlException(SamlException.Reason.REPLAYED, "replay cache full");
        }
      }
      Instant previous = seen.putIfAbsent(assertionId, expiresAt);
      if (previous != null && previous.isBefore(now)) {
        return seen.replace(assertionId, previous, expiresAt);
      }
      return previous == null;
    };
  }
}
