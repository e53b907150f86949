package de.buergerbuero.applications.notice;

import de.buergerbuero.applications.delivery.Recipients;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.kernel.connect.DeliveryChannels;
import de.buergerbuero.kernel.outbox.Outbox;
import de.buergerbuero.kernel.outbox.OutboxHandler;
import de.buergerbuero.kernel.outbox.OutboxMessage;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.spi.delivery.Delivery;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the applicant by e-mail that something happened to an application (a Bescheid was issued, a
 * query is open), with a link to "Meine Anträge" — never the decision, the question or any other
 * personal data. Runs through the outbox (type {@value #TYPE}) and the {@code email} delivery
 * channel when the deployment uses it ({@code buergerbuero.delivery.channels}); the address is the
 * first e-mail field ({@code "format": "email"}) the applicant filled in the form. Without channel
 * or address nothing is sent, and the applicant still finds everything after logging in.
 */
@ApplicationScoped
public class ApplicantNotices implements OutboxHandler {
  public static final String TYPE = "applications.notice";

  /** What happened; each kind has its own text. */
  public enum Kind {
    DECISION,
    QUERY
  }

  @PersistenceContext EntityManager em;
  @Inject DeliveryChannels channels;
  @Inject Recipients recipients;
  @Inject Outbox outbox;
  @Inject Transactions tx;

  @Inject
  @ConfigProperty(name = "buergerbuero.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Override
  public String type() {
    return TYPE;
  }

  /** Queues a notice in the caller's transaction; sent once the transaction commits. */
  public void later(Kind kind, String applicationId) {
    outbox.enqueue(
        TYPE, "notice:" + kind + ":" + UUID.randomUUID(), kind.name() + ":" + applicationId);
  }

  private record Target(String id, String reference, String email) {}

  @Override
  public String deliver(OutboxMessage message) {
    Optional<DeliveryPort> email = channels.channel("email");
    if (email.isEmpty()) {
      return "no-channel";
    }
    String[] parts = message.payload().split(":", 2);
    Kind kind = Kind.valueOf(parts[0]);
    Target target = tx.required(() -> target(parts[1]));
    if (target == null) {
      return "gone";
    }
    if (target.email() == null) {
      return "no-address";
    }
    String link = publicUrl.replaceAll("/+$", "") + "/#/antraege/" + target.id();
    Delivery notice =
        new Delivery(
            target.reference(),
            new Recipient("Antragsteller/in", null, null, target.email()),
            subject(kind, target.reference()),
            text(kind, target.reference(), link),
            List.of());
    return email.get().send(message.idempotencyKey(), notice).deliveryId();
  }

  private Target target(String applicationId) {
    ApplicationEntity entity = em.find(ApplicationEntity.class, applicationId);
    if (entity == null) {
      return null;
    }
    return new Target(applicationId, entity.toApplication().reference(), recipients.email(entity));
  }

  static String subject(Kind kind, String reference) {
    return switch (kind) {
      case DECISION -> "Bescheid zu Ihrem Antrag " + reference + " / Decision on your application";
      case QUERY -> "Rückfrage zu Ihrem Antrag " + reference + " / Query about your application";
    };
  }

  static String text(Kind kind, String reference, String link) {
    String de =
        switch (kind) {
          case DECISION -> "zu Ihrem Antrag " + reference + " liegt ein Bescheid vor.";
          case QUERY ->
              "zu Ihrem Antrag "
                  + reference
                  + " haben wir eine Rückfrage. Bitte antworten Sie online.";
        };
    String en =
        switch (kind) {
          case DECISION -> "a decision on your application " + reference + " is available.";
          case QUERY ->
              "we have a question about your application " + reference + ". Please answer online.";
        };
    return "Guten Tag,\n\n"
        + de
        + " Sie finden alles nach der Anmeldung unter\n"
        + link
        + "\n\nDiese Nachricht wurde automatisch erstellt.\n\n---\n\nHello,\n\n"
        + en
        + " Log in to read it:\n"
        + link
        + "\n";
  }
}
