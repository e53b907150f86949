package it.de.buergerbuero.referenceapp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multipart/form-data bodies byte by byte, so tests control every header. */
final class Multipart {
  private final String boundary;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private Multipart(String boundary) {
    this.boundary = boundary;
  }

  static Multipart of(String boundary) {
    return new Multipart(boundary);
  }

  Multipart field(String name, String value) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
    write(value);
    write("\r\n");
    return this;
  }

  /** A file part; the name is written as raw UTF-8, as browsers do. */
  Multipart file(String name, String fileName, String type, byte[] content) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + type
            + "\r\n\r\n");
    out.writeBytes(content);
    write("\r\n");
    return this;
  }

  byte[] build() {
    write("--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private void write(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
