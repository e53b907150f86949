package de.buergerbuero.connector.email;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.config.ConnectorSettings;
import de.buergerbuero.kernel.spi.delivery.DeliveryEvents;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryPortFactory;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Builds the e-mail channel (kind {@code email}): the server's Jakarta Mail session by JNDI name
 * ({@code buergerbuero.delivery.email.session}, default {@code mail/buergerbuero}; Liberty's {@code
 * mailSession}) and the sender ({@code buergerbuero.delivery.email.from}, required).
 */
public final class EmailDeliveryFactory implements DeliveryPortFactory {
  static final String PREFIX = "buergerbuero.delivery.email.";

  @Override
  public String kind() {
    return "email";
  }

  @Override
  public DeliveryPort create(ConnectorSettings settings, Clock clock, DeliveryEvents events) {
    String jndi = settings.optional(PREFIX + "session").orElse("mail/buergerbuero");
    InternetAddress from;
    try {
      from = new InternetAddress(settings.required(PREFIX + "from"), true);
    } catch (AddressException e) {
      throw new ConfigurationException(PREFIX + "from: not an e-mail address");
    }
    return new EmailDelivery(() -> lookup(jndi), from);
  }

  private static Session lookup(String jndi) {
    try {
      return (Session) new InitialContext().lookup(jndi);
    } catch (NamingException | ClassCastException e) {
      throw new ConfigurationException(
          PREFIX + "session: no Jakarta Mail session at " + jndi + " (" + e.getMessage() + ")");
    }
  }
}
