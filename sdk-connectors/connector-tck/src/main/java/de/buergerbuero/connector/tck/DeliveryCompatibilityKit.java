package de.buergerbuero.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.delivery.Delivery;
import de.buergerbuero.kernel.spi.delivery.DeliveryCallbacks;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryReceipt;
import de.buergerbuero.kernel.spi.delivery.DeliveryState;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The compatibility kit every delivery connector's tests extend (BundID postbox, hybrid mail,
 * e-mail notices). The in-memory reference channel shows the expected behaviour.
 *
 * <pre>
 * class MyChannelCompatibilityTest extends DeliveryCompatibilityKit {
 *   protected DeliveryPort createChannel(DeliveryEvents events) { return new MyChannel(..., events); }
 *   protected Recipient reachable() { ... }
 *   protected Recipient unreachable() { ... }
 *   protected int timesDelivered(String deliveryId) { return simulator.count(deliveryId); }
 * }
 * </pre>
 */
public abstract class DeliveryCompatibilityKit {

  /** A fresh channel for each test; its later status reports go to {@code events}. */
  protected abstract DeliveryPort createChannel(DeliveryEvents events) throws Exception;

  /** A recipient this channel can reach. */
  protected abstract Recipient reachable();

  /** A recipient this channel cannot reach (it lacks the channel's part: postbox, address…). */
  protected abstract Recipient unreachable();

  /** How often the peer received the delivery with this id (0 when never). */
  protected abstract int timesDelivered(String deliveryId) throws Exception;

  /** Makes the channel's peer unreachable. Channels that cannot simulate it skip the test. */
  protected void makeUnreachable() throws Exception {
    throw new TestAbortedException("connector cannot simulate an outage");
  }

  /**
   * Makes the peer report the outcome of a delivery (through its real callback, signed as the peer
   * signs). Channels whose answer to send is already final skip the tests that use it.
   */
  protected void peerReports(String deliveryId, DeliveryState state, String reason)
      throws Exception {
    if (channel instanceof DeliveryCallbacks callbacks) {
      // the SDK's path: the peer's callback, checked by the connector, its reports recorded
      PeerCallback callback = peerCallback(deliveryId, state, reason);
      callbacks.check(header(callback), callback.body()).reports().forEach(reports::add);
      return;
    }
    throw new TestAbortedException("channel reports no later status");
  }

  /** A callback as the peer sends it: its headers and raw body. */
  public record PeerCallback(Map<String, String> headers, byte[] body) {}

  /**
   * The callback the peer sends when a delivery reaches this state, signed as the peer signs (and
   * the peer's own state changed accordingly). Channels that take no callbacks skip the tests.
   */
  protected PeerCallback peerCallback(String deliveryId, DeliveryState state, String reason)
      throws Exception {
    throw new TestAbortedException("channel takes no callbacks");
  }

  private static UnaryOperator<String> header(PeerCallback callback) {
    return name ->
        callback.headers().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
  }

  /**
   * What the recipient's side got for a delivery, as text (for a notice-only channel, the whole
   * message). Channels that cannot show it skip the test that uses it.
   */
  protected String receivedText(String deliveryId) throws Exception {
    throw new TestAbortedException("channel cannot show what the recipient got");
  }

  /** Makes the peer answer the next request with this status and body (hostile answers). */
  protected void peerAnswers(int status, String contentType, String body) throws Exception {
    throw new TestAbortedException("channel has no HTTP peer to misbehave");
  }

  /**
   * Whether the channel takes a notice without documents; a print channel (hybrid mail) prints
   * documents only and rejects notices ({@link DeliveryException#rejected}).
   */
  protected boolean carriesNotices() {
    return true;
  }

  protected DeliveryPort channel;
  protected final List<DeliveryReceipt> reports = new CopyOnWriteArrayList<>();

  @BeforeEach
  void createFreshChannel() throws Exception {
    reports.clear();
    channel = createChannel(reports::add);
  }

  protected static CaseDocument pdf(String name, int size) {
    byte[] bytes = new byte[size];
    byte[] head = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
    return new CaseDocument(name, "application/pdf", size, () -> new ByteArrayInputStream(bytes));
  }

  protected Delivery bescheid(Recipient to) {
    return new Delivery(
        "MS-2026-000042",
        to,
        "Ihr Bescheid zum Antrag MS-2026-000042",
        "Ihr Bescheid liegt vor.",
        List.of(pdf("Bescheid-MS-2026-000042.pdf", 20_000)));
  }

  protected static String key() {
    return "delivery-" + UUID.randomUUID();
  }

  @Nested
  @DisplayName("Sending")
  class Sending {
    @Test
    @DisplayName("a Bescheid is handed over once and gets an id the channel can report on")
    void sendsOnce() throws Exception {
      DeliveryReceipt r = channel.send(key(), bescheid(reachable()));
      assertThat(r.deliveryId()).isNotBlank();
      assertThat(r.state()).isIn(DeliveryState.ACCEPTED, DeliveryState.DELIVERED);
      assertThat(timesDelivered(r.deliveryId())).isEqualTo(1);
      assertThat(channel.status(r.deliveryId()).deliveryId()).isEqualTo(r.deliveryId());
    }

    @Test
    @DisplayName("a notice without documents is handed over")
    void notice() throws Exception {
      if (!carriesNotices()) {
        throw new TestAbortedException("channel carries documents only (hybrid mail)");
      }
      DeliveryReceipt r =
          channel.send(
              key(),
              new Delivery(
                  "MS-2026-000043",
                  reachable(),
                  "Neuigkeiten zu Ihrem Antrag",
                  "Es gibt Neuigkeiten zu Ihrem Antrag.",
                  List.of()));
      assertThat(timesDelivered(r.deliveryId())).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Idempotency")
  class Idempotency {
    @Test
    @DisplayName("sending again with the same key returns the same id and delivers nothing twice")
    void sameKey() throws Exception {
      String key = key();
      DeliveryReceipt first = channel.send(key, bescheid(reachable()));
      DeliveryReceipt again = channel.send(key, bescheid(reachable()));
      assertThat(again.deliveryId()).isEqualTo(first.deliveryId());
      assertThat(timesDelivered(first.deliveryId())).isEqualTo(1);
    }

    @Test
    @DisplayName("concurrent sends with one key deliver once")
    void concurrent() throws Exception {
      String key = key();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<DeliveryReceipt>> calls =
            java.util.Collections.nCopies(4, () -> channel.send(key, bescheid(reachable())));
        List<String> ids = new java.util.ArrayList<>();
        for (Future<DeliveryReceipt> f : pool.invokeAll(calls)) {
          ids.add(f.get().deliveryId());
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(timesDelivered(ids.get(0))).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  @DisplayName("Refusals")
  class Refusals {
    @Test
    @DisplayName("a recipient the channel cannot reach is rejected for good")
    void unreachableRecipient() {
      assertThatThrownBy(() -> channel.send(key(), bescheid(unreachable())))
          .isInstanceOfSatisfying(
              DeliveryException.class,
              e -> {
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.errorCode()).isEqualTo(KernelError.DELIVERY_REJECTED);
              });
    }

    @Test
    @DisplayName("documents larger than the channel takes are rejected before a byte is read")
    void tooLarge() {
      if (channel.maxDocumentBytes() == 0) {
        throw new TestAbortedException("notice-only channel: it never carries documents");
      }
      long size = channel.maxDocumentBytes() + 1;
      CaseDocument huge =
          new CaseDocument(
              "Bescheid.pdf",
              "application/pdf",
              size,
              () -> {
                throw new AssertionError("the content of a too large document was read");
              });
      Delivery delivery =
          new Delivery("MS-2026-000044", reachable(), "Bescheid", "Ihr Bescheid", List.of(huge));
      assertThatThrownBy(() -> channel.send(key(), delivery))
          .isInstanceOfSatisfying(
              DeliveryException.class, e -> assertThat(e.isRetryable()).isFalse());
    }
  }

  @Nested
  @DisplayName("Privacy")
  class Privacy {
    @Test
    @DisplayName(
        "a notice-only channel (e-mail) carries neither the documents nor the recipient's name")
    void noticeOnly() throws Exception {
      if (channel.maxDocumentBytes() != 0) {
        throw new TestAbortedException("channel carries documents");
      }
      Recipient to = reachable();
      DeliveryReceipt r = channel.send(key(), bescheid(to));
      String received = receivedText(r.deliveryId());
      assertThat(received).contains("Ihr Bescheid liegt vor.");
      assertThat(received).doesNotContain("%PDF", "Bescheid-MS-2026-000042.pdf");
      assertThat(received).doesNotContain(to.displayName());
    }
  }

  @Nested
  @DisplayName("Outages and hostile answers")
  class Outages {
    @Test
    @DisplayName("an unreachable channel raises a retryable error")
    void unreachable() throws Exception {
      makeUnreachable();
      assertThatThrownBy(() -> channel.send(key(), bescheid(reachable())))
          .isInstanceOfSatisfying(
              DeliveryException.class,
              e -> {
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.errorCode()).isEqualTo(KernelError.DELIVERY_UNAVAILABLE);
              });
    }

    @Test
    @DisplayName("an answer that is not the peer's protocol is an error, never a success")
    void hostileAnswer() throws Exception {
      peerAnswers(200, "text/html", "<html><body>Wartungsarbeiten</body></html>");
      assertThatThrownBy(() -> channel.send(key(), bescheid(reachable())))
          .isInstanceOf(DeliveryException.class);
    }

    @Test
    @DisplayName("a server error is retryable")
    void serverError() throws Exception {
      peerAnswers(503, "text/plain", "busy");
      assertThatThrownBy(() -> channel.send(key(), bescheid(reachable())))
          .isInstanceOfSatisfying(
              DeliveryException.class, e -> assertThat(e.isRetryable()).isTrue());
    }
  }

  @Nested
  @DisplayName("Status reports")
  class StatusReports {
    @Test
    @DisplayName("a report of delivery reaches the SDK and the status")
    void delivered() throws Exception {
      DeliveryReceipt r = channel.send(key(), bescheid(reachable()));
      peerReports(r.deliveryId(), DeliveryState.DELIVERED, null);
      assertThat(reports)
          .extracting(DeliveryReceipt::deliveryId, DeliveryReceipt::state)
          .contains(org.assertj.core.groups.Tuple.tuple(r.deliveryId(), DeliveryState.DELIVERED));
      assertThat(channel.status(r.deliveryId()).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    @DisplayName("a report of failure carries its reason")
    void failed() throws Exception {
      DeliveryReceipt r = channel.send(key(), bescheid(reachable()));
      peerReports(r.deliveryId(), DeliveryState.FAILED, "Empfänger unbekannt verzogen");
      assertThat(reports)
          .filteredOn(x -> x.state() == DeliveryState.FAILED)
          .singleElement()
          .satisfies(x -> assertThat(x.reason()).contains("verzogen"));
    }
  }

  @Nested
  @DisplayName("Callbacks")
  class Callbacks {
    private DeliveryCallbacks callbacks() {
      if (!(channel instanceof DeliveryCallbacks c)) {
        throw new TestAbortedException("channel takes no callbacks");
      }
      return c;
    }

    @Test
    @DisplayName("an authentic callback carries the report, with its reason")
    void authentic() throws Exception {
      DeliveryReceipt r = channel.send(key(), bescheid(reachable()));
      PeerCallback cb = peerCallback(r.deliveryId(), DeliveryState.FAILED, "Empfänger verzogen");
      DeliveryCallbacks.Check check = callbacks().check(header(cb), cb.body());
      assertThat(check.isAuthentic()).as(String.valueOf(check.refusal())).isTrue();
      assertThat(check.reports())
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.deliveryId()).isEqualTo(r.deliveryId());
                assertThat(x.state()).isEqualTo(DeliveryState.FAILED);
                assertThat(x.reason()).contains("verzogen");
              });
    }

    @Test
    @DisplayName("a forged callback (body changed after signing, or unsigned) is refused")
    void forged() throws Exception {
      DeliveryReceipt r = channel.send(key(), bescheid(reachable()));
      PeerCallback cb = peerCallback(r.deliveryId(), DeliveryState.DELIVERED, null);
      String text = new String(cb.body(), java.nio.charset.StandardCharsets.UTF_8);
      byte[] changed =
          text.replaceFirst("\\{", "{\"forged\":true,")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      DeliveryCallbacks.Check tampered = callbacks().check(header(cb), changed);
      assertThat(tampered.isAuthentic()).isFalse();
      assertThat(tampered.reports()).isEmpty();
      DeliveryCallbacks.Check unsigned = callbacks().check(name -> null, cb.body());
      assertThat(unsigned.isAuthentic()).isFalse();
      assertThat(unsigned.reports()).isEmpty();
    }

    @Test
    @DisplayName("a callback has a stable one-time id, so that the SDK refuses a replay")
    void replayIdentity() throws Exception {
      DeliveryReceipt r = channel.send(key(), bescheid(reachable()));
      PeerCallback first = peerCallback(r.deliveryId(), DeliveryState.DELIVERED, null);
      PeerCallback second = peerCallback(r.deliveryId(), DeliveryState.FAILED, "zurück");
      String id = callbacks().check(header(first), first.body()).callbackId();
      assertThat(callbacks().check(header(first), first.body()).callbackId()).isEqualTo(id);
      assertThat(callbacks().check(header(second), second.body()).callbackId()).isNotEqualTo(id);
    }
  }

  /** Reads a stream fully (for subclasses that check what their peer received). */
  protected static byte[] readAll(InputStream in) throws java.io.IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
