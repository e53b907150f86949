package de.buergerbuero.kernel.spi.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * At most {@code perMinute} events (e.g. login starts, each costing an RSA signature and a stored
 * login in flight) per client and minute, in fixed memory: clients are hashed with a random
 * per-instance key into a fixed number of buckets, each counting one one-minute window. It never
 * refuses everybody because it is full (the flaw of a map that stops at N entries); two clients
 * that share a bucket share its allowance, which with 16 384 buckets is rare and not steerable from
 * outside (the key is secret). Per instance: with n instances a client gets up to n × the limit.
 */
public final class PerClientLimit {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int perMinute;
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
    this.windows = new long[buckets];
    this.counts = new int[buckets];
    RANDOM.nextBytes(key);
  }

  /** Counts one event of {@code client}; false when the client has used up this minute. */
  public synchronized boolean tryAcquire(String client, Instant now) {
    int bucket = bucket(client == null ? "" : client);
    long window = now.getEpochSecond() / 60;
    if (windows[bucket] != window) {
      windows[bucket] = window;
      counts[bucket] = 0;
    }
    if (counts[bucket] >= perMinute) {
      return false;
    }
    counts[bucket]++;
    return true;
  }

  private int bucket(String client) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(key);
      byte[] d = sha.digest(client.getBytes(StandardCharsets.UTF_8));
      int h = ((d[0] & 0xFF) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
      return Math.floorMod(h, windows.length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
