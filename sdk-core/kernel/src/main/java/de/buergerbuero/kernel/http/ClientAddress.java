package de.buergerbuero.kernel.http;

import de.buergerbuero.kernel.error.ConfigurationException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Who the client of a request is, for per-client limits (login starts, appointment bookings). By
 * default the peer address of the connection. Behind a reverse proxy every request comes from the
 * proxy, so the town lists its proxies (addresses or CIDR ranges, comma-separated): then, and only
 * when the peer is one of them, {@code X-Forwarded-For} is read from the right, and the first
 * address that is not a trusted proxy is the client; entries further left are written by the client
 * itself and ignored. (Alternatively Liberty's {@code <remoteIp>} rewrites the peer address, and
 * the list stays empty.)
 */
public final class ClientAddress {
  private final List<byte[][]> trusted;

  /**
   * @param trustedProxies the configured list (may be null or blank: no proxy is trusted)
   * @param configKey the key it came from, named when an entry is malformed
   */
  public ClientAddress(String trustedProxies, String configKey) {
    List<byte[][]> ranges = new ArrayList<>();
    for (String entry : (trustedProxies == null ? "" : trustedProxies).split(",")) {
      if (!entry.isBlank()) {
        ranges.add(range(entry.strip(), configKey));
      }
    }
    this.trusted = List.copyOf(ranges);
  }

  /** The client of a request. */
  public String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
  }

  /** The client from the peer address and the {@code X-Forwarded-For} headers (may be null). */
  public String of(String peer, Enumeration<String> forwardedHeaders) {
    if (!isTrusted(peer) || forwardedHeaders == null) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    while (forwardedHeaders.hasMoreElements()) {
      for (String hop : forwardedHeaders.nextElement().split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      client = hops.get(i);
      if (!isTrusted(client)) {
        return client;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (byte[][] range : trusted) {
      if (range[0].length == bytes.length && inRange(bytes, range[0], range[1][0] & 0xFF)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inRange(byte[] address, byte[] network, int prefix) {
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** {address bytes, {prefix length}}. */
  private static byte[][] range(String entry, String configKey) {
    String[] parts = entry.split("/", 2);
    byte[] network = literal(parts[0]);
    if (network == null) {
      throw new ConfigurationException(configKey + ": not an IP address or CIDR range: " + entry);
    }
    int prefix = network.length * 8;
    if (parts.length == 2) {
      try {
        prefix = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new ConfigurationException(configKey + ": bad prefix length in " + entry);
      }
    }
    return new byte[][] {network, {(byte) prefix}};
  }

  /** The bytes of an IP literal; null for anything else (never a DNS lookup). */
  private static byte[] literal(String address) {
    if (address == null
        || address.isEmpty()
        || address.length() > 45
        || !(address.matches("[0-9.]+")
            || (address.contains(":") && address.matches("[0-9a-fA-F:.]+")))) {
      return null;
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
