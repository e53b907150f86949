package de.buergerbuero.kernel.spi.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * At most {@code perMinute} events (e.g. login starts, each costing an RSA signature and a stored
 * login in flight) per client and minute, in fixed memory: a count-min sketch of two rows of
 * buckets, each client hashed with a random per-instance key into one bucket per row, each bucket
 * counting one one-minute window; a client's count is the smaller of its two buckets. It never
 * refuses everybody because it is full (the flaw of a map that stops at N entries); a client is
 * refused wrongly only when both its buckets are shared with busy clients, which with 16 384
 * buckets per row is very rare and not steerable from outside (the key is secret). Per instance:
 * with n instances a client gets up to n × the limit.
 */
public final class PerClientLimit {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int perMinute;
  private final int buckets;
  private final long[] windows;
  private final int[] counts;
  private final byte[] key = new byte[16];

  public PerClientLimit(int perMinute) {
    this(perMinute, 16_384);
  }

  PerClientLimit(int perMinute, int buckets) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1");
    }
    this.perMinute = perMinute;
    this.buckets = buckets;
    this.windows = new long[2 * buckets];
    this.counts = new int[2 * buckets];
    RANDOM.nextBytes(key);
  }

  /** Counts one event of {@code client}; false when the client has used up this minute. */
  public synchronized boolean tryAcquire(String client, Instant now) {
    byte[] d = digest(client == null ? "" : client);
    int first = Math.floorMod(toInt(d, 0), buckets);
    int second = buckets + Math.floorMod(toInt(d, 4), buckets);
    long window = now.getEpochSecond() / 60;
    for (int b : new int[] {first, second}) {
      if (windows[b] != window) {
        windows[b] = window;
        counts[b] = 0;
      }
    }
    if (Math.min(counts[first], counts[second]) >= perMinute) {
      return false;
    }
    counts[first]++;
    counts[second]++;
    return true;
  }

  private static int toInt(byte[] d, int i) {
    return ((d[i] & 0xFF) << 24)
        | ((d[i + 1] & 0xFF) << 16)
        | ((d[i + 2] & 0xFF) << 8)
        | (d[i + 3] & 0xFF);
  }

  private byte[] digest(String client) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(key);
      return sha.digest(client.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
