package de.buergerbuero.applications.intake;

import de.buergerbuero.kernel.error.MalformedRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part from the request stream. Nothing
 * is buffered beyond a fixed window: a part's content is an {@link InputStream} the caller copies
 * where it belongs (with its own limits), so the size of a request never decides the heap it takes.
 * The JAX-RS runtime's {@code List<EntityPart>} reads the whole body before the resource method
 * runs, i.e. before the caller is known.
 */
public final class MultipartReader {
  private static final int WINDOW = 64 * 1024;
  private static final int MAX_HEADER_BYTES = 8 * 1024;

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf;
  private int head;
  private int tail;
  private boolean eof;
  private boolean done;
  private PartStream current;

  /** One part: its headers (names in lower case) and its content, read once. */
  public record Part(Map<String, String> headers, InputStream content) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  public MultipartReader(InputStream in, String boundary) {
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new MalformedRequestException("multipart/form-data ohne gültige boundary.");
    }
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buf = new byte[WINDOW + delimiter.length];
    // the first delimiter has no CRLF before it: pretend it had one
    buf[0] = '\r';
    buf[1] = '\n';
    tail = 2;
  }

  /** The boundary parameter of a {@code multipart/form-data} content type, or null. */
  public static String boundary(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
        String value = p.substring(9).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  /**
   * The next part, or null after the last one. The content of the previous part is skipped if the
   * caller did not read it to its end.
   */
  public Part next() throws IOException {
    if (done) {
      return null;
    }
    if (current == null) {
      // preamble up to the first delimiter
      new PartStream().transferTo(OutputStreamSink.INSTANCE);
    } else {
      current.transferTo(OutputStreamSink.INSTANCE);
    }
    // after a delimiter: "--" ends the body, CRLF starts a part
    ensure(2);
    if (tail - head < 2) {
      throw malformed();
    }
    if (buf[head] == '-' && buf[head + 1] == '-') {
      done = true;
      return null;
    }
    Map<String, String> headers = readHeaders();
    current = new PartStream();
    return new Part(headers, current);
  }

  private Map<String, String> readHeaders() throws IOException {
    // the rest of the delimiter line (transport padding), then header lines up to an empty line
    readLine();
    Map<String, String> headers = new LinkedHashMap<>();
    int total = 0;
    while (true) {
      String line = readLine();
      total += line.length() + 2;
      if (total > MAX_HEADER_BYTES) {
        throw new MalformedRequestException("Die Kopfzeilen eines Formularteils sind zu lang.");
      }
      if (line.isEmpty()) {
        return headers;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
    }
  }

  /** A line in ISO-8859-1 (header bytes stay bytes; {@link ContentDisposition} repairs UTF-8). */
  private String readLine() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      ensure(1);
      if (tail == head) {
        throw malformed();
      }
      byte b = buf[head++];
      if (b == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      sb.append((char) (b & 0xFF));
      if (sb.length() > MAX_HEADER_BYTES) {
        throw new MalformedRequestException("Die Kopfzeilen eines Formularteils sind zu lang.");
      }
    }
  }

  /** Tries to have at least {@code n} bytes in the window; fewer only at the end of the stream. */
  private void ensure(int n) throws IOException {
    if (tail - head >= n) {
      return;
    }
    if (head > 0) {
      System.arraycopy(buf, head, buf, 0, tail - head);
      tail -= head;
      head = 0;
    }
    while (tail - head < n && !eof) {
      int r = in.read(buf, tail, buf.length - tail);
      if (r < 0) {
        eof = true;
      } else {
        tail += r;
      }
    }
  }

  private int indexOfDelimiter() {
    outer:
    for (int i = head; i <= tail - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buf[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static MalformedRequestException malformed() {
    return new MalformedRequestException("multipart/form-data endet vor der letzten boundary.");
  }

  /** The content of one part: ends before the next delimiter, which it consumes. */
  private final class PartStream extends InputStream {
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      while (true) {
        int at = indexOfDelimiter();
        if (at == head) {
          head += delimiter.length;
          ended = true;
          return -1;
        }
        int available = at >= 0 ? at - head : tail - head - (delimiter.length - 1);
        if (available > 0) {
          int n = Math.min(available, len);
          System.arraycopy(buf, head, b, off, n);
          head += n;
          return n;
        }
        if (eof) {
          throw malformed();
        }
        ensure(tail - head + 1);
      }
    }
  }

  /** Discards what is written. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
