package de.buergerbuero.connector.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.buergerbuero.connector.tck.DeliveryCompatibilityKit;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

/** Against a real SMTP server on loopback (GreenMail). */
@DisplayName("E-mail connector passes the delivery compatibility kit against a real SMTP server")
class EmailDeliveryCompatibilityTest extends DeliveryCompatibilityKit {
  private GreenMail smtp;

  @Override
  protected DeliveryPort createChannel(DeliveryEvents events) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    smtp.start();
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.connectiontimeout", "2000");
    p.put("mail.smtp.timeout", "2000");
    Session session = Session.getInstance(p);
    return new EmailDelivery(() -> session, new InternetAddress("buergerbuero@teststadt.example"));
  }

  @AfterEach
  void stopServer() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Override
  protected Recipient reachable() {
    return new Recipient("Jördis Müller-Lüdenscheidt", null, null, "joerdis@example.org");
  }

  @Override
  protected Recipient unreachable() {
    return new Recipient("Bernd Muster", "7f0c9f2e-5d5e-4c39-9a43-0b1f6f1c2a11", null, null);
  }

  private String messageId(String deliveryId) {
    return "<" + deliveryId.substring("email:".length()) + "@buergerbuero>";
  }

  @Override
  protected int timesDelivered(String deliveryId) throws Exception {
    int n = 0;
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (messageId(deliveryId).equals(m.getMessageID())) {
        n++;
      }
    }
    return n;
  }

  @Override
  protected String receivedText(String deliveryId) throws Exception {
    MimeMessage m =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(
                x -> {
                  try {
                    return messageId(deliveryId).equals(x.getMessageID());
                  } catch (Exception e) {
                    return false;
                  }
                })
            .findFirst()
            .orElseThrow();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    m.writeTo(raw);
    return raw.toString(StandardCharsets.UTF_8) + "\n" + m.getContent();
  }

  @Override
  protected void makeUnreachable() {
    smtp.stop();
  }
}
