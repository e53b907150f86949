package it.de.buergerbuero.applications;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Form data of the test catalogue ({@code it/catalogue}) and multipart bodies. */
final class Forms {
  private Forms() {}

  static final String BULKY_WASTE =
      "{\"address\":{\"street\":\"Hauptstraße 1\",\"postalCode\":\"12345\"},"
          + "\"items\":[\"Sofa\",\"Schrank\"],\"email\":\"anna@example.org\"}";
  static final String PARKING = "{\"licensePlate\":\"TS-AB 123\",\"zone\":\"A\"}";
  static final String TRADE = "{\"businessName\":\"Bäckerei Muster\",\"activity\":\"Backwaren\"}";

  static String application(String serviceId, String formData) {
    return "{\"serviceId\":\"" + serviceId + "\",\"formData\":" + formData + "}";
  }

  /** A multipart/form-data body built part by part; file names are raw UTF-8, as browsers send. */
  static final class Multipart {
    final String boundary = "----bb" + System.nanoTime();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
      return part("form-data; name=\"" + name + "\"", "text/plain; charset=UTF-8", bytes(value));
    }

    Multipart file(String name, String fileName, String type, byte[] content) {
      return part("form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"", type, content);
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] build() {
      out.writeBytes(bytes("--" + boundary + "--\r\n"));
      return out.toByteArray();
    }

    private Multipart part(String disposition, String type, byte[] content) {
      out.writeBytes(
          bytes(
              "--"
                  + boundary
                  + "\r\nContent-Disposition: "
                  + disposition
                  + "\r\nContent-Type: "
                  + type
                  + "\r\n\r\n"));
      out.writeBytes(content);
      out.writeBytes(bytes("\r\n"));
      return this;
    }

    private static byte[] bytes(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }
}
