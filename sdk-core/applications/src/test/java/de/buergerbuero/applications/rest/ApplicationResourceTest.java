package de.buergerbuero.applications.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.NotAuthenticatedException;
import de.buergerbuero.kernel.security.Caller;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApplicationResourceTest {

  @Test
  @DisplayName("an anonymous multipart application is refused before its body is read")
  void anonymousMultipart() {
    ApplicationResource resource = new ApplicationResource();
    resource.callers = Caller.Anonymous::new;
    resource.maxFileBytes = 20L << 20;
    resource.maxTotalBytes = 50L << 20;
    resource.maxFiles = 20;
    resource.maxJsonBytes = 1 << 20;
    int[] read = {0};
    InputStream body =
        new InputStream() {
          @Override
          public int read() {
            read[0]++;
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            read[0] += len;
            return len;
          }
        };
    assertThatThrownBy(() -> resource.submitMultipart("multipart/form-data; boundary=x", body))
        .isInstanceOf(NotAuthenticatedException.class);
    assertThat(read[0]).isZero();
  }
}
