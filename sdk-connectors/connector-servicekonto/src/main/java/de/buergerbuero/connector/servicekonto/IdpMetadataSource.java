package de.buergerbuero.connector.servicekonto;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the IdP metadata comes from, and keeping it current. The metadata decides which signatures
 * are trusted, so it is read only from a file the operator placed or over HTTPS (plain HTTP only to
 * a loopback address, and only when allowed explicitly: a test IdP on the same machine). A signed
 * metadata document is checked against the configured metadata signing certificates ({@link
 * IdpMetadata#parse(byte[], List, Instant)}). It is read again after {@code refresh}; when that
 * fails, the last good metadata stays in use (until its {@code validUntil}) and the failure is
 * logged.
 */
public final class IdpMetadataSource {
  private static final Logger LOG = Logger.getLogger(IdpMetadataSource.class.getName());
  private static final int MAX_BYTES = SecureXml.MAX_BYTES;

  private final String location;
  private final List<X509Certificate> signers;
  private final Duration refresh;
  private final boolean allowHttpLoopback;
  private IdpMetadata current;
  private Instant loadedAt;

  public IdpMetadataSource(
      String location, List<X509Certificate> signers, Duration refresh, boolean allowHttpLoopback) {
    this.location = Objects.requireNonNull(location, "location").strip();
    this.signers = List.copyOf(signers);
    this.refresh = refresh == null ? Duration.ofHours(6) : refresh;
    this.allowHttpLoopback = allowHttpLoopback;
    checkLocation();
  }

  private void checkLocation() {
    if (location.startsWith("https://")) {
      return;
    }
    if (location.startsWith("http://")) {
      if (!allowHttpLoopback || !loopback(URI.create(location).getHost())) {
        throw new SamlException(
            SamlException.Reason.METADATA,
            "IdP metadata only over HTTPS or from a file (plain HTTP is allowed to a loopback"
                + " address with buergerbuero.login.saml.idp-metadata-allow-http-loopback=true)");
      }
      return;
    }
    if (location.contains("://")) {
      throw new SamlException(SamlException.Reason.METADATA, "IdP metadata: unsupported scheme");
    }
  }

  private static boolean loopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** The metadata, read on first use and again once {@code refresh} has passed. */
  public synchronized IdpMetadata metadata(Instant now) {
    if (current == null || !now.isBefore(loadedAt.plus(refresh))) {
      try {
        current = IdpMetadata.parse(read(), signers, now);
        loadedAt = now;
      } catch (SamlException e) {
        if (current == null) {
          throw e;
        }
        LOG.log(Level.WARNING, "IdP metadata refresh failed, keeping the last: " + e.getMessage());
        loadedAt = now.minus(refresh).plus(Duration.ofMinutes(5)); // try again in 5 minutes
      }
    }
    return current;
  }

  byte[] read() {
    try {
      if (location.startsWith("http")) {
        HttpResponse<java.io.InputStream> r =
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                    HttpRequest.newBuilder(URI.create(location))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        try (var in = r.body()) {
          if (r.statusCode() != 200) {
            throw new SamlException(
                SamlException.Reason.METADATA, "IdP metadata answered " + r.statusCode());
          }
          byte[] body = in.readNBytes(MAX_BYTES + 1);
          if (body.length > MAX_BYTES) {
            throw new SamlException(SamlException.Reason.METADATA, "IdP metadata too large");
          }
          return body;
        }
      }
      return Files.readAllBytes(Path.of(location));
    } catch (IOException e) {
      throw new SamlException(SamlException.Reason.METADATA, "IdP metadata not readable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SamlException(SamlException.Reason.METADATA, "interrupted", e);
    }
  }
}
