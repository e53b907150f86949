package de.buergerbuero.connector.hybridmail;

import de.buergerbuero.kernel.crypto.Hashes;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.http.RestClients;
import de.buergerbuero.kernel.spi.delivery.Delivery;
import de.buergerbuero.kernel.spi.delivery.DeliveryCallbacks;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryReceipt;
import de.buergerbuero.kernel.spi.delivery.DeliveryState;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hybrid mail: the Bescheid is printed and posted by a service (Pingen API v2, as published in its
 * API documentation and official SDKs):
 *
 * <ol>
 *   <li>OAuth2 client credentials at the identity service ({@code token-url}), token reused until
 *       shortly before it expires;
 *   <li>{@code GET /file-upload} names a signed upload URL, the PDF is {@code PUT} there;
 *   <li>{@code POST /organisations/{org}/deliveries/letters} (JSON:API, {@code Idempotency-Key}
 *       derived from the outbox key) with the file, {@code auto_send}, {@code delivery_product},
 *       {@code print_mode}, {@code print_spectrum} and the recipient in {@code meta_data};
 *   <li>later outcomes arrive as webhooks signed with {@code Signature} = hex HMAC-SHA256 of the
 *       raw body with the webhook's signing key ({@link #check}); {@code GET …/letters/{id}} reads
 *       the status on request.
 * </ol>
 *
 * A letter the service cannot deliver (returned, undeliverable, an issue with the letter) is
 * reported {@code FAILED}; the SDK puts it in the staff's print queue.
 */
public final class HybridMailDelivery implements DeliveryPort, DeliveryCallbacks {
  static final String PREFIX = "hybridmail:";
  private static final Pattern HOUSE_NUMBER =
      Pattern.compile("^(.*?)\\s+(\\d+\\s?[a-zA-Z]?(?:\\s?[-/]\\s?\\d+\\s?[a-zA-Z]?)?)$");

  private final HybridMailConfig config;
  private final Clock clock;
  private final PingenApi.Identity identity;
  private final PingenApi.Letters letters;
  private final HttpClient uploads;
  private final Map<String, DeliveryReceipt> byKey = new ConcurrentHashMap<>();
  private String token;
  private Instant tokenExpires = Instant.MIN;

  public HybridMailDelivery(HybridMailConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    try {
      this.identity = client(config.tokenUrl()).build(PingenApi.Identity.class);
      this.letters = client(config.apiUrl()).build(PingenApi.Letters.class);
    } catch (NoClassDefFoundError e) {
      throw new ConfigurationException(RestClients.MISSING_IMPLEMENTATION, e);
    }
    // the signed upload URL is a storage URL with its own query: a plain PUT, not the API
    this.uploads =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private org.eclipse.microprofile.rest.client.RestClientBuilder client(URI base) {
    return RestClients.newBuilder()
        .baseUri(URI.create(base.toString().replaceAll("/+$", "")))
        .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .followRedirects(false)
        .property("microprofile.rest.client.disable.default.mapper", true);
  }

  @Override
  public String channel() {
    return "hybridmail";
  }

  @Override
  public long maxDocumentBytes() {
    return config.maxDocumentBytes();
  }

  @Override
  public DeliveryReceipt send(String idempotencyKey, Delivery delivery) {
    Recipient.PostalAddress address =
        delivery
            .recipient()
            .postalAddress()
            .orElseThrow(() -> DeliveryException.rejected("keine Postanschrift für Hybridpost"));
    if (delivery.documents().size() != 1) {
      throw DeliveryException.rejected("Hybridpost druckt genau ein PDF je Brief");
    }
    CaseDocument pdf = delivery.documents().get(0);
    if (pdf.size() > config.maxDocumentBytes()) {
      throw DeliveryException.rejected(
          "PDF größer als " + config.maxDocumentBytes() + " Byte (Hybridpost)");
    }
    return byKey.computeIfAbsent(idempotencyKey, k -> post(k, pdf, address));
  }

  private DeliveryReceipt post(String key, CaseDocument pdf, Recipient.PostalAddress to) {
    byte[] bytes = read(pdf);
    String bearer = "Bearer " + token();
    JsonObject target = json(call(() -> letters.fileUpload(bearer))).getJsonObject("data");
    String url = target.getJsonObject("attributes").getString("url");
    String signature = target.getJsonObject("attributes").getString("url_signature");
    upload(HybridMailConfig.secure(URI.create(url), "upload URL of the answer"), bytes);
    Matcher m = HOUSE_NUMBER.matcher(to.street().strip());
    String street = m.matches() ? m.group(1) : to.street().strip();
    String number = m.matches() ? m.group(2) : "";
    String letter =
        Json.createObjectBuilder()
            .add(
                "data",
                Json.createObjectBuilder()
                    .add("type", "letters")
                    .add(
                        "attributes",
                        Json.createObjectBuilder()
                            .add("file_original_name", pdf.fileName())
                            .add("file_url", url)
                            .add("file_url_signature", signature)
                            .add("address_position", "left")
                            .add("auto_send", true)
                            .add("delivery_product", config.deliveryProduct())
                            .add("print_mode", config.printMode())
                            .add("print_spectrum", config.printSpectrum())
                            .add(
                                "meta_data",
                                Json.createObjectBuilder()
                                    .add(
                                        "recipient",
                                        Json.createObjectBuilder()
                                            .add("name", to.name())
                                            .add("street", street)
                                            .add("number", number)
                                            .add("zip", to.postalCode())
                                            .add("city", to.city())
                                            .add("country", to.country())))))
            .build()
            .toString();
    String idempotency = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    JsonObject created =
        json(call(() -> letters.create(bearer, idempotency, config.organisation(), letter)))
            .getJsonObject("data");
    return receipt(created);
  }

  private void upload(URI url, byte[] pdf) {
    try {
      HttpResponse<Void> r =
          uploads.send(
              HttpRequest.newBuilder(url)
                  .timeout(config.timeout())
                  .header("Content-Type", "application/pdf")
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() / 100 != 2) {
        throw DeliveryException.unavailable(
            HybridMailErrors.PEER + ": Hochladen mit HTTP " + r.statusCode() + " abgelehnt", null);
      }
    } catch (IOException e) {
      throw DeliveryException.unavailable(HybridMailErrors.PEER + ": Hochladen fehlgeschlagen", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.unavailable("unterbrochen", e);
    }
  }

  @Override
  public DeliveryReceipt status(String deliveryId) {
    if (!deliveryId.startsWith(PREFIX)) {
      throw DeliveryException.rejected("keine Hybridpost-Zustellung: " + deliveryId);
    }
    String id = deliveryId.substring(PREFIX.length());
    String bearer = "Bearer " + token();
    return receipt(
        json(call(() -> letters.letter(bearer, config.organisation(), id))).getJsonObject("data"));
  }

  private static DeliveryReceipt receipt(JsonObject data) {
    try {
      String id = data.getString("id");
      String status = data.getJsonObject("attributes").getString("status", "");
      return new DeliveryReceipt(PREFIX + id, state(status), failure(status, null));
    } catch (NullPointerException | ClassCastException e) {
      throw DeliveryException.unavailable("Antwort des Hybridpost-Dienstes ohne Brief", e);
    }
  }

  /** A letter's status as a delivery state: sent is handed to the postal service. */
  static DeliveryState state(String status) {
    return switch (status) {
      case "sent" -> DeliveryState.DELIVERED;
      case "undeliverable", "invalid", "cancelled", "expired" -> DeliveryState.FAILED;
      default -> DeliveryState.ACCEPTED;
    };
  }

  private static String failure(String status, String reason) {
    if (state(status) != DeliveryState.FAILED) {
      return null;
    }
    return reason != null && !reason.isBlank() ? reason : "Hybridpost: " + status;
  }

  @Override
  public Check check(UnaryOperator<String> header, byte[] body) {
    String signature = header.apply("Signature");
    if (signature == null || signature.isBlank()) {
      return Check.refused("UNSIGNED");
    }
    byte[] expected =
        Hashes.hmac("HmacSHA256", config.signingKey().getBytes(StandardCharsets.UTF_8), body);
    if (!Hashes.matchesHex(expected, signature)) {
      return Check.refused("FORGED");
    }
    JsonObject data;
    String event;
    String letter;
    try {
      data = json(new String(body, StandardCharsets.UTF_8)).getJsonObject("data");
      event = data.getString("id");
      letter =
          data.getJsonObject("relationships")
              .getJsonObject("letter")
              .getJsonObject("data")
              .getString("id");
    } catch (RuntimeException e) {
      return Check.refused("MALFORMED");
    }
    JsonObject attributes =
        data.get("attributes") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
    String created = attributes.getString("created_at", null);
    if (created != null) {
      try {
        if (Instant.parse(created).isBefore(clock.instant().minus(callbackWindow()))) {
          return Check.refused("TOO_OLD");
        }
      } catch (DateTimeParseException e) {
        return Check.refused("MALFORMED");
      }
    }
    String reason = attributes.getString("reason", null);
    String type = data.getString("type", "");
    DeliveryReceipt report;
    if (type.contains("undeliverable")) {
      report =
          new DeliveryReceipt(
              PREFIX + letter,
              DeliveryState.FAILED,
              reason == null ? "unzustellbar, zurückgesandt" : reason);
    } else if (type.contains("issues")) {
      report =
          new DeliveryReceipt(
              PREFIX + letter,
              DeliveryState.FAILED,
              reason == null ? "vom Druckdienst nicht verarbeitet" : reason);
    } else if (type.contains("sent") || type.contains("delivered")) {
      report = new DeliveryReceipt(PREFIX + letter, DeliveryState.DELIVERED, null);
    } else {
      return Check.authentic(event, List.of());
    }
    return Check.authentic(event, List.of(report));
  }

  @Override
  public Duration callbackWindow() {
    return Duration.ofDays(7);
  }

  private synchronized String token() {
    Instant now = clock.instant();
    if (token == null || now.isAfter(tokenExpires.minusSeconds(60))) {
      JsonObject t =
          json(
              call(
                  () ->
                      identity.token(
                          "client_credentials", config.clientId(), config.clientSecret())));
      try {
        token = t.getString("access_token");
        tokenExpires = now.plusSeconds(t.getJsonNumber("expires_in").longValue());
      } catch (NullPointerException | ClassCastException e) {
        throw DeliveryException.unavailable("Antwort des Identitätsdienstes ohne Token", e);
      }
    }
    return token;
  }

  private static byte[] read(CaseDocument doc) {
    try (InputStream in = doc.content().open()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, doc.size() + 1));
      if (bytes.length != doc.size()) {
        throw DeliveryException.rejected("Größe von " + doc.fileName() + " stimmt nicht");
      }
      if (bytes.length < 5 || !new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
        throw DeliveryException.rejected(doc.fileName() + " ist kein PDF");
      }
      return bytes;
    } catch (IOException e) {
      throw DeliveryException.unavailable("Dokument nicht lesbar: " + doc.fileName(), e);
    }
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text == null ? "" : text))) {
      return reader.readObject();
    } catch (JsonException | ClassCastException e) {
      throw DeliveryException.unavailable(
          "Antwort des Hybridpost-Dienstes ist kein JSON der Schnittstelle", e);
    }
  }

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ProcessingException | JsonException e) {
      throw RestClients.failure(
          e,
          DeliveryException.class,
          DeliveryException::unavailable,
          HybridMailErrors.PEER,
          "Antwort des Hybridpost-Dienstes",
          "Antwort des Hybridpost-Dienstes ist kein JSON der Schnittstelle");
    }
  }
}
