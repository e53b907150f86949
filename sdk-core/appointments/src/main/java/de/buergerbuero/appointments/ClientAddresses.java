package de.buergerbuero.appointments;

import de.buergerbuero.kernel.error.ConfigurationException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the client is, for the per-client limits. By default the peer address of the connection.
 * Behind a reverse proxy every request comes from the proxy, so the town lists its proxies in
 * {@code buergerbuero.appointments.trusted-proxies} (addresses or CIDR ranges, comma-separated):
 * then, and only when the peer is one of them, {@code X-Forwarded-For} is read from the right, and
 * the first address that is not a trusted proxy is the client. Entries further left are written by
 * the client itself and are ignored. (Alternatively Liberty's {@code <remoteIp>} can rewrite the
 * peer address; then leave this key empty.)
 */
@ApplicationScoped
public class ClientAddresses {
  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.trusted-proxies")
  Optional<String> trustedProxies;

  private List<byte[][]> trusted = List.of();

  @PostConstruct
  void init() {
    List<byte[][]> ranges = new ArrayList<>();
    for (String entry : trustedProxies.orElse("").split(",")) {
      if (!entry.isBlank()) {
        ranges.add(range(entry.strip()));
      }
    }
    trusted = List.copyOf(ranges);
  }

  /** The client of a request. */
  public String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
  }

  String of(String peer, java.util.Enumeration<String> forwardedHeaders) {
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
  private static byte[][] range(String entry) {
    String[] parts = entry.split("/", 2);
    byte[] network = literal(parts[0]);
    if (network == null) {
      throw new ConfigurationException(
          "buergerbuero.appointments.trusted-proxies: not an IP address or CIDR range: " + entry);
    }
    int prefix = network.length * 8;
    if (parts.length == 2) {
      try {
        prefix = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new ConfigurationException(
            "buergerbuero.appointments.trusted-proxies: bad prefix length in " + entry);
      }
    }
    return new byte[][] {network, {(byte) prefix}};
  }

  /** The bytes of an IP literal; null for anything else (never a DNS lookup). */
  private static byte[] literal(String address) {
    if (address == null
        || address.isEmpty()
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
