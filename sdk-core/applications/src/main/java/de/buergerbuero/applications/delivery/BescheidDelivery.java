package de.buergerbuero.applications.delivery;

import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.DecisionEntity;
import de.buergerbuero.applications.internal.DeliveryEntity;
import de.buergerbuero.kernel.connect.DeliveryChannels;
import de.buergerbuero.kernel.outbox.Outbox;
import de.buergerbuero.kernel.outbox.OutboxHandler;
import de.buergerbuero.kernel.outbox.OutboxMessage;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.spi.delivery.Delivery;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.DeliveryPort;
import de.buergerbuero.kernel.spi.delivery.DeliveryReceipt;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers an issued Bescheid to its applicant (outbox type {@value #TYPE}, queued in the
 * transaction that issues it). The channels are tried in the order of {@value #ORDER_KEY} (per
 * service: {@code buergerbuero.delivery.bescheid-channels.<serviceId>}; default {@code
 * zbp,hybridmail}): the BundID postbox when the applicant has one and agreed, else hybrid mail to
 * the form's postal address. A channel that cannot take it (no postbox, no address, refused) is
 * recorded and the next one tried; an outage is retried by the outbox with back-off, so nothing is
 * lost; when no channel can take it, the Bescheid goes to the staff's print queue. Each channel
 * gets its own idempotency key, so a retry never delivers twice. The e-mail notice is separate
 * ({@link de.buergerbuero.applications.notice.ApplicantNotices}).
 */
@ApplicationScoped
public class BescheidDelivery implements OutboxHandler {
  public static final String TYPE = "applications.deliver-bescheid";
  public static final String ORDER_KEY = "buergerbuero.delivery.bescheid-channels";
  private static final Logger LOG = Logger.getLogger(BescheidDelivery.class.getName());

  @PersistenceContext EntityManager em;
  @Inject DeliveryChannels channels;
  @Inject Recipients recipients;
  @Inject ServiceCatalogue catalogue;
  @Inject Transactions tx;
  @Inject Outbox outbox;
  @Inject DeliveryRecords records;
  @Inject Clock clock;
  @Inject Config config;

  @Inject
  @ConfigProperty(name = ORDER_KEY, defaultValue = "zbp,hybridmail")
  String defaultOrder;

  @Override
  public String type() {
    return TYPE;
  }

  /** Queues the delivery in the caller's transaction (the one that issues the Bescheid). */
  public void later(String applicationId) {
    outbox.enqueue(TYPE, "deliver-bescheid:" + applicationId, applicationId);
  }

  private record Plan(String serviceId, Delivery delivery, Set<String> rejected, boolean settled) {}

  @Override
  public String deliver(OutboxMessage message) {
    String applicationId = message.payload();
    Plan plan = tx.required(() -> plan(applicationId));
    if (plan == null) {
      return "gone";
    }
    if (plan.settled()) {
      return "settled";
    }
    for (String kind : order(plan.serviceId())) {
      Optional<DeliveryPort> port = channels.channel(kind);
      if (port.isEmpty() || plan.rejected().contains(kind)) {
        continue;
      }
      try {
        DeliveryReceipt receipt =
            port.get().send(message.idempotencyKey() + ":" + kind, plan.delivery());
        return kind + "|" + receipt.deliveryId() + "|" + receipt.state();
      } catch (DeliveryException e) {
        if (e.isRetryable()) {
          throw e;
        }
        // rejected (no postbox, no address, too large) or refused (configuration): the next
        // channel; the reason stays with the application for the clerk
        LOG.info(
            () -> "Bescheid of " + applicationId + " not taken by " + kind + ": " + e.errorCode());
        tx.required(
            () ->
                records.record(
                    applicationId, kind, null, DeliveryEntity.State.REJECTED, e.getMessage()));
      }
    }
    return DeliveryEntity.NO_CHANNEL;
  }

  /** Records the outcome in the transaction that marks the outbox entry delivered. */
  @Override
  public void afterDelivery(OutboxMessage message, String result) {
    String applicationId = message.payload();
    if (DeliveryEntity.NO_CHANNEL.equals(result)) {
      records.record(
          applicationId,
          DeliveryEntity.NO_CHANNEL,
          null,
          DeliveryEntity.State.FAILED,
          "Kein Zustellkanal konnte den Bescheid annehmen: bitte drucken und per Post senden");
      return;
    }
    String[] parts = result.split("\\|", 3);
    if (parts.length == 3) {
      records.record(
          applicationId, parts[0], parts[1], DeliveryEntity.State.valueOf(parts[2]), null);
    }
  }

  /**
   * The outbox gave up (a channel kept failing past its attempts): the Bescheid goes to the print
   * queue, so that a clerk sends it by post and nothing is lost.
   */
  @Override
  public void gaveUp(OutboxMessage message, String error) {
    tx.required(
        () ->
            records.record(
                message.payload(),
                DeliveryEntity.NO_CHANNEL,
                null,
                DeliveryEntity.State.FAILED,
                "Zustellung aufgegeben (" + error + "): bitte drucken und per Post senden"));
  }

  List<String> order(String serviceId) {
    String listed =
        config.getOptionalValue(ORDER_KEY + "." + serviceId, String.class).orElse(defaultOrder);
    return Arrays.stream(listed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private Plan plan(String applicationId) {
    ApplicationEntity entity = em.find(ApplicationEntity.class, applicationId);
    List<DecisionEntity> decisions =
        em.createQuery(
                "SELECT d FROM DecisionEntity d WHERE d.applicationId = :id", DecisionEntity.class)
            .setParameter("id", applicationId)
            .getResultList();
    if (entity == null || decisions.isEmpty()) {
      return null;
    }
    List<DeliveryEntity> before = records.of(applicationId);
    boolean settled = before.stream().anyMatch(d -> d.state() != DeliveryEntity.State.REJECTED);
    Set<String> rejected =
        before.stream()
            .filter(d -> d.state() == DeliveryEntity.State.REJECTED)
            .map(DeliveryEntity::channel)
            .collect(Collectors.toSet());
    DecisionEntity d = decisions.get(0);
    var a = entity.toApplication();
    String service =
        catalogue.catalogue().find(a.serviceId()).map(s -> s.name().de()).orElse(a.serviceId());
    Recipient to = recipients.of(entity);
    byte[] pdf = d.content();
    Delivery delivery =
        new Delivery(
            a.reference(),
            to,
            "Bescheid zu Ihrem Antrag " + a.reference(),
            "Guten Tag,\n\nanbei erhalten Sie den Bescheid zu Ihrem Antrag "
                + a.reference()
                + " ("
                + service
                + "). Sie finden ihn auch unter \"Meine Anträge\".\n",
            List.of(
                new CaseDocument(
                    d.fileName(),
                    "application/pdf",
                    pdf.length,
                    () -> new ByteArrayInputStream(pdf))),
            service);
    return new Plan(a.serviceId(), delivery, rejected, settled);
  }
}
