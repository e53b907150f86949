package de.buergerbuero.connector.zbp;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.http.OwnSslContext;
import de.buergerbuero.kernel.http.RestClients;
import de.buergerbuero.kernel.spi.delivery.Delivery;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryReceipt;
import de.buergerbuero.kernel.spi.delivery.DeliveryState;
import de.buergerbuero.kernel.spi.delivery.StatusMonitor;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Delivers to the Zentrales Bürgerpostfach (ZBP) of BundID, interface version 6 as published for
 * the integration environment:
 *
 * <ul>
 *   <li>{@code PUT /v6/mailbox/messages}, multipart: part {@code json} is the signed envelope of
 *       the message ({@code mailboxUuid}, {@code stork_qaa_level}, {@code sender}, {@code title},
 *       {@code content}, {@code service}, {@code reference}, optional addresses, {@code
 *       attachments} with {@code filename}, {@code sha512sum} (hex) and {@code contentLength}), one
 *       part {@code files} per attachment; the answer names the {@code messageUuid};
 *   <li>{@code POST /v6/mailbox/applications/states}: the signed envelope of an application status
 *       ({@code applicationId}, {@code status}, {@code publicServiceName}, {@code senderName},
 *       {@code createdDate}, {@code reference}, {@code statusDetails}).
 * </ul>
 *
 * Every request carries the BPKI client certificate (mutual TLS) and a bearer token signed with the
 * same key ({@link ZbpSigning}). The ZBP answers a message with 200 once it is in the postbox, so a
 * receipt is final ({@code DELIVERED}); it has no idempotency key and no query for a message, so
 * this connector remembers the keys it sent since its start (a crash between the ZBP's answer and
 * the outbox's record can deliver one message twice — written down on the connector page).
 */
public final class ZbpDelivery implements DeliveryPort, StatusMonitor {
  private static final int REMEMBERED = 50_000;

  private final ZbpConfig config;
  private final ZbpSigning signing;
  private final ZbpApi api;
  private final Clock clock;
  private final Map<String, DeliveryReceipt> byKey = new ConcurrentHashMap<>();
  private final Map<String, DeliveryReceipt> byId = new ConcurrentHashMap<>();
  private final Map<String, Boolean> published = new ConcurrentHashMap<>();

  public ZbpDelivery(ZbpConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.signing = new ZbpSigning(config.keyStore(), config.keyPassword());
    try {
      var builder =
          RestClients.newBuilder()
              .baseUri(URI.create(config.baseUrl().toString().replaceAll("/+$", "")))
              .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
              .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
              .followRedirects(false)
              .property("microprofile.rest.client.disable.default.mapper", true);
      this.api = OwnSslContext.keep(builder, tls(config)).build(ZbpApi.class);
    } catch (NoClassDefFoundError e) {
      throw new ConfigurationException(RestClients.MISSING_IMPLEMENTATION, e);
    }
  }

  /** The BPKI client certificate and the ZBP's trust store (or the runtime's) as a TLS context. */
  static SSLContext tls(ZbpConfig config) {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(config.keyStore(), config.keyPassword());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(config.trustStore()); // null: the runtime's default trust store
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(
          ZbpConfig.PREFIX + "keystore/truststore: no TLS context (" + e.getMessage() + ")");
    }
  }

  @Override
  public String channel() {
    return "zbp";
  }

  @Override
  public long maxDocumentBytes() {
    return config.maxDocumentBytes();
  }

  @Override
  public DeliveryReceipt send(String idempotencyKey, Delivery delivery) {
    String mailbox =
        delivery
            .recipient()
            .postbox()
            .orElseThrow(() -> DeliveryException.rejected("kein BundID-Postfach angegeben"));
    try {
      UUID.fromString(mailbox);
    } catch (IllegalArgumentException e) {
      throw DeliveryException.rejected("Postfach-Referenz ist keine UUID");
    }
    if (delivery.documentBytes() > config.maxDocumentBytes()) {
      throw DeliveryException.rejected(
          "Dokumente größer als " + config.maxDocumentBytes() + " Byte (ZBP)");
    }
    DeliveryReceipt receipt =
        byKey.computeIfAbsent(idempotencyKey, k -> deliver(mailbox, delivery));
    forgetOldest(byKey);
    return receipt;
  }

  private DeliveryReceipt deliver(String mailbox, Delivery delivery) {
    Multipart body = new Multipart();
    JsonArrayBuilder attachments = Json.createArrayBuilder();
    byte[][] files = new byte[delivery.documents().size()][];
    for (int i = 0; i < files.length; i++) {
      CaseDocument doc = delivery.documents().get(i);
      files[i] = read(doc);
      attachments.add(
          Json.createObjectBuilder()
              .add("filename", doc.fileName())
              .add("sha512sum", sha512Hex(files[i]))
              .add("contentLength", files[i].length));
    }
    JsonObjectBuilder message =
        Json.createObjectBuilder()
            .add("mailboxUuid", mailbox)
            .add("stork_qaa_level", config.trustLevel())
            .add("sender", config.sender())
            .add("title", cut(delivery.subject(), 1024))
            .add("content", delivery.text())
            .add(
                "service",
                cut(delivery.service() == null ? config.sender() : delivery.service(), 255))
            .add("reference", cut(delivery.reference(), 255))
            .add("attachments", attachments);
    optional(message, "replyAddress", config.replyAddress());
    optional(message, "retrievalConfirmationAddress", config.retrievalAddress());
    optional(message, "senderUrl", config.senderUrl());
    body.add(
        "json",
        null,
        "application/json",
        signing
            .envelope(message.build().toString())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (int i = 0; i < files.length; i++) {
      CaseDocument doc = delivery.documents().get(i);
      body.add("files", doc.fileName(), doc.mediaType(), files[i]);
    }
    String answer = call(() -> api.message(bearer(), body));
    String uuid = field(answer, "messageUuid");
    DeliveryReceipt receipt = new DeliveryReceipt("zbp:" + uuid, DeliveryState.DELIVERED, null);
    byId.put(receipt.deliveryId(), receipt);
    forgetOldest(byId);
    return receipt;
  }

  @Override
  public DeliveryReceipt status(String deliveryId) {
    DeliveryReceipt r = byId.get(deliveryId);
    if (r == null) {
      // the ZBP offers no query: only what this instance sent is known
      throw DeliveryException.rejected("Zustellung unbekannt: " + deliveryId);
    }
    return r;
  }

  @Override
  public void publish(String idempotencyKey, StatusMessage status) {
    published.computeIfAbsent(
        idempotencyKey,
        k -> {
          JsonObjectBuilder state =
              Json.createObjectBuilder()
                  .add("applicationId", status.applicationId().toString())
                  .add("status", status.stage().name())
                  .add(
                      "publicServiceName",
                      Json.createObjectBuilder().add("de", cut(status.serviceName(), 100)))
                  .add("senderName", cut(config.sender(), 100))
                  .add(
                      "createdDate",
                      DateTimeFormatter.ISO_INSTANT.format(
                          status.at().truncatedTo(ChronoUnit.MILLIS)))
                  .add("reference", cut(status.reference(), 50));
          if (status.details() != null && !status.details().isBlank()) {
            state.add(
                "statusDetails", Json.createObjectBuilder().add("de", cut(status.details(), 50)));
          }
          call(() -> api.state(bearer(), signing.envelope(state.build().toString())));
          return Boolean.TRUE;
        });
    forgetOldest(published);
  }

  private String bearer() {
    return "Bearer " + signing.token(clock.instant());
  }

  private static void optional(JsonObjectBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.add(name, value);
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static byte[] read(CaseDocument doc) {
    try (InputStream in = doc.content().open()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, doc.size() + 1));
      if (bytes.length != doc.size()) {
        throw DeliveryException.rejected("Größe von " + doc.fileName() + " stimmt nicht");
      }
      return bytes;
    } catch (IOException e) {
      throw DeliveryException.unavailable("Dokument nicht lesbar: " + doc.fileName(), e);
    }
  }

  static String sha512Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A string field of the ZBP's JSON answer; anything else is an error, never a success. */
  private static String field(String answer, String name) {
    try (var reader = Json.createReader(new StringReader(answer == null ? "" : answer))) {
      JsonObject o = reader.readObject();
      if (o.get(name) instanceof JsonString s && !s.getString().isBlank()) {
        return s.getString();
      }
    } catch (JsonException | ClassCastException e) {
      throw DeliveryException.unavailable("Antwort des ZBP ist kein JSON der Schnittstelle", e);
    }
    throw DeliveryException.unavailable("Antwort des ZBP ohne " + name, null);
  }

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ProcessingException | JsonException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SSLException && !(t instanceof javax.net.ssl.SSLProtocolException)) {
          if (t instanceof javax.net.ssl.SSLHandshakeException) {
            throw DeliveryException.refused(
                ZbpErrors.PEER
                    + ": TLS-Handshake abgelehnt — BPKI-Zertifikat und Truststore prüfen",
                e);
          }
        }
      }
      throw RestClients.failure(
          e,
          DeliveryException.class,
          DeliveryException::unavailable,
          ZbpErrors.PEER,
          "Antwort des ZBP",
          "Antwort des ZBP ist kein JSON der Schnittstelle");
    }
  }

  private static void forgetOldest(Map<String, ?> map) {
    if (map.size() > REMEMBERED) {
      var it = map.keySet().iterator();
      for (int i = 0; i < REMEMBERED / 10 && it.hasNext(); i++) {
        it.next();
        it.remove();
      }
    }
  }
}
