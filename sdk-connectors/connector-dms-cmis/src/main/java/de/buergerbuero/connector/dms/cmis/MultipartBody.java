package de.buergerbuero.connector.dms.cmis;

import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body with form fields and one streamed content part. The length is
 * known in advance (the document's announced size), so the request carries a Content-Length and the
 * content is never held in memory; content shorter or longer than announced aborts the request and
 * is reported as a rejected document.
 */
final class MultipartBody {
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+");

  private final String boundary = "bb-" + UUID.randomUUID();
  private final byte[] head;
  private final byte[] tail;
  private final CaseDocument document;
  private volatile boolean contentMismatched;

  MultipartBody(Map<String, String> fields, CaseDocument document) {
    this.document = document;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      write(out, "--" + boundary + "\r\n");
      write(out, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n");
      write(out, "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
      write(out, field.getValue() + "\r\n");
    }
    write(out, "--" + boundary + "\r\n");
    write(
        out,
        "Content-Disposition: form-data; name=\"content\"; filename=\""
            + document.fileName().replace("\"", "'")
            + "\"\r\n");
    write(out, "Content-Type: " + mediaType(document.mediaType()) + "\r\n\r\n");
    this.head = out.toByteArray();
    this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  HttpRequest.BodyPublisher publisher() {
    long length = head.length + document.size() + tail.length;
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(this::open), length);
  }

  /**
   * Call after a failed send: a content of the wrong length is the document's fault, not the DMS.
   */
  void throwIfContentMismatched() {
    if (contentMismatched) {
      throw DocumentStoreException.rejected(
          "Inhalt von " + document.fileName() + " ist nicht " + document.size() + " Bytes lang.");
    }
  }

  private InputStream open() {
    InputStream content;
    try {
      content = document.content().open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SequenceInputStream(
        new ByteArrayInputStream(head),
        new SequenceInputStream(new ExactLength(content), new ByteArrayInputStream(tail)));
  }

  private static String mediaType(String mediaType) {
    String plain = mediaType.split(";", 2)[0].trim();
    return MEDIA_TYPE.matcher(plain).matches() ? plain : "application/octet-stream";
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Passes exactly the announced number of bytes through, or fails. */
  private final class ExactLength extends FilterInputStream {
    private long remaining = document.size();

    ExactLength(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) {
        if (in.read() >= 0) {
          return mismatch("longer");
        }
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        return mismatch("shorter");
      }
      remaining -= n;
      return n;
    }

    private int mismatch(String how) throws IOException {
      contentMismatched = true;
      throw new IOException("content " + how + " than announced");
    }
  }
}
