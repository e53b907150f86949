package de.buergerbuero.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsrfFilterTest {
  private static final String BASIC_ADMIN = "Basic YWRtaW46YWRtaW4=";

  private static boolean passes(FakeHttp.Request request, FakeHttp.Response response)
      throws Exception {
    AtomicBoolean called = new AtomicBoolean();
    FilterChain chain = (req, res) -> called.set(true);
    new CsrfFilter().doFilter(request.proxy(), response.proxy(), chain);
    return called.get();
  }

  private static FakeHttp.Request basicPost() {
    FakeHttp.Request r = new FakeHttp.Request().header("Authorization", BASIC_ADMIN);
    r.principal = () -> "admin";
    r.headers.put("Host", "buergerbuero.example");
    return r;
  }

  @Test
  @DisplayName(
      "a cross-site form post carrying the browser's cached Basic credentials is refused (403)")
  void cachedBasicCredentialsFromAnotherSiteRefused() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    boolean passed =
        passes(
            basicPost()
                .header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site"),
            response);
    assertThat(passed).isFalse();
    assertThat(response.status).isEqualTo(403);
    // older browsers without Fetch metadata: the foreign Origin alone is enough
    FakeHttp.Response old = new FakeHttp.Response();
    assertThat(passes(basicPost().header("Origin", "https://evil.example"), old)).isFalse();
    assertThat(old.status).isEqualTo(403);
  }

  @Test
  @DisplayName("API clients with Basic or Bearer credentials and same-origin pages still pass")
  void apiClientsAndSameOriginPass() throws Exception {
    assertThat(passes(basicPost(), new FakeHttp.Response())).isTrue();
    assertThat(
            passes(
                basicPost()
                    .header("Origin", "https://buergerbuero.example")
                    .header("Sec-Fetch-Site", "same-origin"),
                new FakeHttp.Response()))
        .isTrue();
    FakeHttp.Request bearer =
        new FakeHttp.Request()
            .header("Authorization", "Bearer abc")
            .header("Sec-Fetch-Site", "cross-site");
    bearer.principal = () -> "service";
    assertThat(passes(bearer, new FakeHttp.Response())).isTrue();
  }
}
