package de.buergerbuero.applications.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.NotAuthenticatedException;
import de.buergerbuero.kernel.spi.forms.AnnouncingFormServer;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormServers;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import de.buergerbuero.kernel.spi.forms.PushingFormServer;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FormServerResourceTest {

  @Test
  @DisplayName("a push without valid credentials is refused before a byte of its body is read")
  void pushChecksCredentialsFirst() {
    FormServerResource resource = resource();
    CountingStream body = new CountingStream(1L << 40);
    assertThatThrownBy(() -> resource.push("fake", "F1", headers("Basic d3Jvbmc="), body))
        .isInstanceOf(NotAuthenticatedException.class);
    assertThat(body.read).isZero();
  }

  @Test
  @DisplayName("an authenticated push larger than the limit is refused while reading (413)")
  void pushIsBounded() {
    FormServerResource resource = resource();
    CountingStream body = new CountingStream(1L << 40);
    assertThatThrownBy(() -> resource.push("fake", "F1", headers("Basic b2s="), body))
        .isInstanceOfSatisfying(
            BuergerbueroException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ApplicationsError.REQUEST_TOO_LARGE));
    assertThat(body.read).isLessThanOrEqualTo(resource.maxPushBytes + 64 * 1024);
  }

  @Test
  @DisplayName(
      "a callback body above the small callback limit is refused before its signature is checked")
  void callbackIsBounded() {
    FormServerResource resource = resource();
    CountingStream body = new CountingStream(1L << 40);
    assertThatThrownBy(() -> resource.callback("fake", headers(null), body))
        .isInstanceOfSatisfying(
            BuergerbueroException.class,
            e -> assertThat(e.errorCode().httpStatus()).isEqualTo(413));
    assertThat(body.read).isLessThanOrEqualTo(resource.maxCallbackBytes + 64 * 1024);
  }

  private static FormServerResource resource() {
    FormServerResource r = new FormServerResource();
    r.servers = new FormServers(Map.of("fake", new FakeServer()));
    r.maxPushBytes = 1024 * 1024;
    r.maxCallbackBytes = 64 * 1024;
    return r;
  }

  private static HttpHeaders headers(String authorization) {
    return (HttpHeaders)
        Proxy.newProxyInstance(
            HttpHeaders.class.getClassLoader(),
            new Class<?>[] {HttpHeaders.class},
            (proxy, method, args) ->
                method.getName().equals("getHeaderString")
                        && HttpHeaders.AUTHORIZATION.equals(args[0])
                    ? authorization
                    : null);
  }

  private static final class FakeServer
      implements FormServerPort, PushingFormServer, AnnouncingFormServer {
    @Override
    public Batch fetch(String formId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void acknowledge(String formId, String submissionId) {}

    @Override
    public boolean authorises(String authorizationHeader) {
      return "Basic b2s=".equals(authorizationHeader);
    }

    @Override
    public FormSubmission pushed(String formId, byte[] body) {
      throw new AssertionError("must not be reached with an oversized body");
    }

    @Override
    public Optional<String> refuseCallback(UnaryOperator<String> header, byte[] body) {
      throw new AssertionError("must not be reached with an oversized body");
    }
  }

  /** An endless body that counts what is read from it. */
  static final class CountingStream extends InputStream {
    private final long size;
    long read;

    CountingStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (read >= size) {
        return -1;
      }
      read++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - read);
      java.util.Arrays.fill(b, off, off + n, (byte) 'x');
      read += n;
      return n;
    }
  }
}
