package de.buergerbuero.connector.zbp;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code multipart/form-data} body (RFC 7578) with named parts, built in memory (a ZBP message is
 * bounded by {@code max-document-bytes}). Its {@link Writer} sets the {@code Content-Type} with the
 * boundary, which a MicroProfile Rest Client interface cannot declare statically.
 */
final class Multipart {
  private final String boundary;
  private final List<Part> parts = new ArrayList<>();

  private record Part(String name, String fileName, String contentType, byte[] bytes) {}

  Multipart() {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    this.boundary = "bb-" + HexFormat.of().formatHex(random);
  }

  Multipart add(String name, String fileName, String contentType, byte[] bytes) {
    if (contains(bytes, ("--" + boundary).getBytes(StandardCharsets.US_ASCII))) {
      // 128 random bits: practically never; refuse rather than send a broken body
      throw new IllegalStateException("boundary occurs in a part");
    }
    parts.add(new Part(name, fileName, contentType, bytes));
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
      if (p.fileName() != null) {
        head.append("; filename=\"").append(quoted(p.fileName())).append('"');
      }
      head.append("\r\nContent-Type: ").append(p.contentType()).append("\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      out.writeBytes(p.bytes());
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** File names travel in a quoted string: quotes, backslashes and line breaks are replaced. */
  private static String quoted(String name) {
    return name.replaceAll("[\"\\\\\\r\\n]", "_");
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Writes a {@link Multipart} and sets its content type with the boundary. */
  @Produces(MediaType.MULTIPART_FORM_DATA)
  public static final class Writer implements MessageBodyWriter<Multipart> {
    @Override
    public boolean isWriteable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type == Multipart.class;
    }

    @Override
    public void writeTo(
        Multipart body,
        Class<?> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, Object> headers,
        OutputStream out)
        throws IOException {
      headers.putSingle(HttpHeaders.CONTENT_TYPE, body.contentType());
      out.write(body.bytes());
    }
  }
}
