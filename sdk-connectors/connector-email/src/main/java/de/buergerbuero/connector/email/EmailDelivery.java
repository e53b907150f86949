package de.buergerbuero.connector.email;

import de.buergerbuero.kernel.crypto.Hashes;
import de.buergerbuero.kernel.spi.delivery.Delivery;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryReceipt;
import de.buergerbuero.kernel.spi.delivery.DeliveryState;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * E-mail notices: that something changed, with a link to the portal — never the documents, never
 * personal data (the subject and text come from the SDK and carry neither; the recipient's name is
 * not used). Notice-only ({@link #maxDocumentBytes()} 0): documents of a delivery are left out.
 *
 * <p>SMTP has no idempotency: the connector remembers the keys it sent (the newest {@value
 * #REMEMBERED}) and gives each message a Message-ID derived from the key, so a resend after a crash
 * carries the same Message-ID and mail systems that deduplicate drop it. Errors: a connection
 * failure or a 4xx answer is retryable; rejected addresses are {@code rejected}; failed
 * authentication is {@code refused}.
 */
public final class EmailDelivery implements DeliveryPort {
  static final int REMEMBERED = 10_000;

  private final Supplier<Session> session;
  private final InternetAddress from;
  private final Map<String, DeliveryReceipt> sent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DeliveryReceipt> eldest) {
              return size() > REMEMBERED;
            }
          });

  /**
   * @param session the Jakarta Mail session (looked up when first needed)
   * @param from the sender address
   */
  public EmailDelivery(Supplier<Session> session, InternetAddress from) {
    this.session = session;
    this.from = from;
  }

  @Override
  public String channel() {
    return "email";
  }

  @Override
  public long maxDocumentBytes() {
    return 0;
  }

  @Override
  public DeliveryReceipt send(String idempotencyKey, Delivery delivery) {
    String to =
        delivery
            .recipient()
            .emailAddress()
            .orElseThrow(() -> DeliveryException.rejected("no e-mail address"));
    InternetAddress address;
    try {
      address = new InternetAddress(to, true);
    } catch (AddressException e) {
      throw DeliveryException.rejected("not an e-mail address");
    }
    String id =
        "email:"
            + Hashes.sha256Hex(idempotencyKey.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    synchronized (sent) {
      DeliveryReceipt known = sent.get(idempotencyKey);
      if (known != null) {
        return known;
      }
      try {
        MimeMessage message =
            new FixedIdMessage(session.get(), "<" + id.substring(6) + "@buergerbuero>");
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, address);
        message.setSubject(delivery.subject(), "UTF-8");
        message.setText(delivery.text(), "UTF-8");
        message.setHeader("Auto-Submitted", "auto-generated");
        Transport.send(message);
      } catch (AuthenticationFailedException e) {
        throw DeliveryException.refused("SMTP authentication failed", e);
      } catch (SendFailedException e) {
        if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
          throw DeliveryException.rejected("the mail server refused the address");
        }
        throw DeliveryException.unavailable("SMTP send failed", e);
      } catch (MessagingException e) {
        throw DeliveryException.unavailable("SMTP server not reachable or busy", e);
      }
      DeliveryReceipt receipt = new DeliveryReceipt(id, DeliveryState.DELIVERED, null);
      sent.put(idempotencyKey, receipt);
      return receipt;
    }
  }

  @Override
  public DeliveryReceipt status(String deliveryId) {
    synchronized (sent) {
      return sent.values().stream()
          .filter(r -> r.deliveryId().equals(deliveryId))
          .findFirst()
          .orElseThrow(() -> DeliveryException.rejected("unknown delivery " + deliveryId));
    }
  }

  /** A message whose Message-ID is set by us, not regenerated when it is saved. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
