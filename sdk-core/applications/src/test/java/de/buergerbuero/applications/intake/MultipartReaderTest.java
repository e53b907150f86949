package de.buergerbuero.applications.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.MalformedRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {
  private static final String B = "----bb42";

  private static byte[] body(byte[] file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        ("preamble\r\n--"
                + B
                + "\r\nContent-Disposition: form-data; name=\"serviceId\"\r\n\r\nsperrmuell\r\n--"
                + B
                + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.write(file);
    out.write(("\r\n--" + B + "--\r\nepilogue").getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  @Test
  @DisplayName("parts are read one after the other, a file larger than the window intact")
  void parts() throws IOException {
    byte[] file = new byte[300_000];
    new Random(7).nextBytes(file);
    // bytes that look like the start of a delimiter must stay content
    byte[] trap = ("\r\n--" + B.substring(0, 5)).getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(trap, 0, file, 65_530, trap.length);
    MultipartReader reader =
        new MultipartReader(
            new TrickleInputStream(body(file)),
            MultipartReader.boundary("multipart/form-data; boundary=\"" + B + "\""));
    List<String> names = new ArrayList<>();
    byte[] read = null;
    for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
      String cd = p.header("content-disposition");
      names.add(cd);
      if (cd.contains("attachments")) {
        assertThat(p.header("Content-Type")).isEqualTo("application/octet-stream");
        read = p.content().readAllBytes();
      } else {
        assertThat(new String(p.content().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("sperrmuell");
      }
    }
    assertThat(names).hasSize(2);
    assertThat(read).isEqualTo(file);
  }

  @Test
  @DisplayName("a part the caller does not read is skipped")
  void skip() throws IOException {
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(new byte[10])), B);
    assertThat(reader.next()).isNotNull();
    assertThat(reader.next().header("content-disposition")).contains("a.bin");
    assertThat(reader.next()).isNull();
  }

  @Test
  @DisplayName("a body that ends before the closing boundary is malformed")
  void truncated() throws IOException {
    byte[] full = body(new byte[1000]);
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 20);
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(cut), B);
    reader.next();
    MultipartReader.Part file = reader.next();
    assertThatThrownBy(() -> file.content().readAllBytes())
        .isInstanceOf(MalformedRequestException.class);
  }

  /** Returns at most 7 bytes per read: boundaries land across reads. */
  private static final class TrickleInputStream extends ByteArrayInputStream {
    TrickleInputStream(byte[] b) {
      super(b);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, 7));
    }
  }
}
