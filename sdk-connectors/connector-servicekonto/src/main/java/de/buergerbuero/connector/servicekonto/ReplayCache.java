package de.buergerbuero.connector.servicekonto;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the ids of consumed assertions until they expire, so a captured response cannot be
 * posted a second time (within one instance; several instances behind a load balancer also rely on
 * {@code InResponseTo} being bound to the browser session that started the login).
 */
public final class ReplayCache {
  private static final int MAX_ENTRIES = 200_000;
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  /** Records the id; false when it was seen before and has not expired. */
  public boolean firstUse(String assertionId, Instant expiresAt, Instant now) {
    if (seen.size() > MAX_ENTRIES / 2) {
      seen.values().removeIf(expiry -> expiry.isBefore(now));
      if (seen.size() > MAX_ENTRIES) {
        throw new SamlException(SamlException.Reason.REPLAYED, "replay cache full");
      }
    }
    Instant previous = seen.putIfAbsent(assertionId, expiresAt);
    if (previous != null && previous.isBefore(now)) {
      return seen.replace(assertionId, previous, expiresAt);
    }
    return previous == null;
  }
}
