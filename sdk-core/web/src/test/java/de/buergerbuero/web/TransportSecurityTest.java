package de.buergerbuero.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Behind a TLS-terminating proxy the server sees plain HTTP, yet citizens use HTTPS. */
class TransportSecurityTest {

  private static TransportSecurity behindProxy() {
    return TransportSecurity.of(
        Optional.of("https://buergerbuero.musterstadt.de"), Optional.empty(), Optional.empty());
  }

  @Test
  @DisplayName("an https public URL: HSTS on every response, though the proxy speaks plain HTTP")
  void hstsBehindTlsProxy() throws Exception {
    SecurityHeadersFilter filter = new SecurityHeadersFilter();
    filter.transport = behindProxy();
    FakeHttp.Response response = new FakeHttp.Response();
    filter.doFilter(new FakeHttp.Request().proxy(), response.proxy(), (req, res) -> {});
    assertThat(response.headers.get("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000; includeSubDomains");
  }

  @Test
  @DisplayName("an https public URL: the session cookie carries the Secure flag")
  void secureSessionCookieBehindTlsProxy() {
    AtomicReference<Boolean> secure = new AtomicReference<>();
    SessionCookieConfig cookies =
        (SessionCookieConfig)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class},
                (p, m, args) -> {
                  if (m.getName().equals("setSecure")) {
                    secure.set((Boolean) args[0]);
                  }
                  return null;
                });
    ServletContext context =
        (ServletContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (p, m, args) -> m.getName().equals("getSessionCookieConfig") ? cookies : null);
    behindProxy().configure(context);
    assertThat(secure.get()).isTrue();
  }

  @Test
  @DisplayName("plain http development: no HSTS, no Secure flag; both can be set explicitly")
  void developmentAndOverrides() {
    TransportSecurity dev =
        TransportSecurity.of(
            Optional.of("http://localhost:9080"), Optional.empty(), Optional.empty());
    assertThat(dev.secureCookies()).isFalse();
    assertThat(dev.hstsHeader()).isEmpty();
    TransportSecurity forced =
        TransportSecurity.of(
            Optional.of("http://intern:9080"), Optional.of(true), Optional.of(600L));
    assertThat(forced.secureCookies()).isTrue();
    assertThat(forced.hstsHeader()).contains("max-age=600; includeSubDomains");
    TransportSecurity off =
        TransportSecurity.of(
            Optional.of("https://buergerbuero.musterstadt.de"), Optional.empty(), Optional.of(0L));
    assertThat(off.hstsHeader()).isEmpty();
    assertThat(off.secureCookies()).isTrue();
  }
}
