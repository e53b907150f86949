package de.buergerbuero.appointments;

import de.buergerbuero.kernel.http.ClientAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the client is, for the per-client limits. By default the peer address of the connection.
 * Behind a reverse proxy every request comes from the proxy, so the town lists its proxies in
 * {@code buergerbuero.appointments.trusted-proxies} (addresses or CIDR ranges, comma-separated):
 * then, and only when the peer is one of them, {@code X-Forwarded-For} is read from the right, and
 * the first address that is not a trusted proxy is the client. Entries further left are written by
 * the client itself and are ignored. (Alternatively Liberty's {@code <remoteIp>} can rewrite the
 * peer address; then leave this key empty.) The rule itself is the kernel's {@link ClientAddress}.
 */
@ApplicationScoped
public class ClientAddresses {
  static final String KEY = "buergerbuero.appointments.trusted-proxies";

  @Inject
  @ConfigProperty(name = KEY)
  Optional<String> trustedProxies;

  private ClientAddress clients;

  @PostConstruct
  void init() {
    clients = new ClientAddress(trustedProxies.orElse(""), KEY);
  }

  /** The client of a request. */
  public String of(HttpServletRequest request) {
    return clients.of(request);
  }

  String of(String peer, java.util.Enumeration<String> forwardedHeaders) {
    return clients.of(peer, forwardedHeaders);
  }
}
