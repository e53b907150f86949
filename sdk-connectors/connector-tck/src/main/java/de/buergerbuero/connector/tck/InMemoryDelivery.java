package de.buergerbuero.connector.tck;

import de.buergerbuero.kernel.spi.delivery.Delivery;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryReceipt;
import de.buergerbuero.kernel.spi.delivery.DeliveryState;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The reference delivery channel: keeps what it "delivers" in memory. It defines the expected
 * behaviour of every delivery connector and passes {@link DeliveryCompatibilityKit}; use it in
 * tests of code that delivers. Not for production.
 */
public final class InMemoryDelivery implements DeliveryPort {
  /** What was delivered, as the recipient's side would see it. */
  public record Delivered(
      String deliveryId, String address, Delivery delivery, List<byte[]> documents) {}

  private final String channel;
  private final long maxBytes;
  private final Function<Recipient, Optional<String>> addressOf;
  private final DeliveryEvents events;
  private final Map<String, DeliveryReceipt> byKey = new ConcurrentHashMap<>();
  private final Map<String, DeliveryReceipt> byId = new ConcurrentHashMap<>();
  private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean available = true;

  /**
   * @param channel the channel name, also the id prefix
   * @param maxBytes the largest sum of document bytes per delivery
   * @param addressOf what this channel delivers to (postbox, postal address, e-mail); empty: it
   *     cannot reach the recipient
   * @param events where later status reports go
   */
  public InMemoryDelivery(
      String channel,
      long maxBytes,
      Function<Recipient, Optional<String>> addressOf,
      DeliveryEvents events) {
    this.channel = channel;
    this.maxBytes = maxBytes;
    this.addressOf = addressOf;
    this.events = events;
  }

  /** A postbox-like channel: reaches recipients with a postbox handle. */
  public static InMemoryDelivery postbox(DeliveryEvents events) {
    return new InMemoryDelivery("mem-postbox", 10 << 20, Recipient::postbox, events);
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public long maxDocumentBytes() {
    return maxBytes;
  }

  @Override
  public DeliveryReceipt send(String idempotencyKey, Delivery delivery) {
    if (!available) {
      throw DeliveryException.unavailable(channel + " switched off", null);
    }
    String address =
        addressOf
            .apply(delivery.recipient())
            .orElseThrow(() -> DeliveryException.rejected(channel + " cannot reach the recipient"));
    if (delivery.documentBytes() > maxBytes) {
      throw DeliveryException.rejected(
          "documents of " + delivery.documentBytes() + " bytes exceed " + maxBytes);
    }
    return byKey.computeIfAbsent(
        idempotencyKey,
        key -> {
          List<byte[]> copies = delivery.documents().stream().map(InMemoryDelivery::read).toList();
          String id = channel + ":" + sequence.incrementAndGet();
          DeliveryReceipt receipt = new DeliveryReceipt(id, DeliveryState.ACCEPTED, null);
          byId.put(id, receipt);
          delivered.add(new Delivered(id, address, delivery, copies));
          return receipt;
        });
  }

  private static byte[] read(CaseDocument doc) {
    try (InputStream in = doc.content().open()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length != doc.size()) {
        throw DeliveryException.rejected("size of " + doc.fileName() + " does not match");
      }
      return bytes;
    } catch (IOException e) {
      throw DeliveryException.unavailable("cannot read " + doc.fileName(), e);
    }
  }

  @Override
  public DeliveryReceipt status(String deliveryId) {
    DeliveryReceipt r = byId.get(deliveryId);
    if (r == null) {
      throw DeliveryException.rejected("unknown delivery " + deliveryId);
    }
    return r;
  }

  /** The peer reports what became of a delivery (as a verified callback would). */
  public void report(String deliveryId, DeliveryState state, String reason) {
    DeliveryReceipt receipt = new DeliveryReceipt(deliveryId, state, reason);
    byId.put(deliveryId, receipt);
    events.reported(receipt);
  }

  /** Everything delivered so far, in order (for assertions in tests). */
  public List<Delivered> delivered() {
    return List.copyOf(delivered);
  }

  /** Simulates an outage: sending raises a retryable error until switched on again. */
  public void setAvailable(boolean available) {
    this.available = available;
  }
}
