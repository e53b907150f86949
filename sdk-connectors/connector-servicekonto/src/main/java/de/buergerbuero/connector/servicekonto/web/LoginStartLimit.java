package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.kernel.http.ClientAddress;
import de.buergerbuero.kernel.spi.guard.ClientLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code buergerbuero.login.starts-per-minute} login starts (SAML and OIDC together) per
 * client, counted across every instance of the deployment ({@link ClientLimits}): each start signs
 * a request and stores a login in flight, so one client could otherwise make the others wait or
 * fill the store (issue 14 item 8). The client is the peer address, or behind the proxies listed in
 * {@code buergerbuero.login.trusted-proxies} the address they forward ({@link ClientAddress}).
 */
@ApplicationScoped
public class LoginStartLimit {
  @Inject
  @ConfigProperty(name = "buergerbuero.login.starts-per-minute", defaultValue = "30")
  int startsPerMinute;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.trusted-proxies")
  Optional<String> trustedProxies;

  @Inject Clock clock;
  @Inject ClientLimits limits;

  private ClientAddress clients;

  @PostConstruct
  void init() {
    clients = new ClientAddress(trustedProxies.orElse(""), "buergerbuero.login.trusted-proxies");
  }

  /** Counts a login start of this request's client; false when it has used up this minute. */
  boolean allow(HttpServletRequest request) {
    return limits.tryAcquire(
        "login-start",
        clients.of(request),
        startsPerMinute,
        Duration.ofMinutes(1),
        clock.instant());
  }
}
