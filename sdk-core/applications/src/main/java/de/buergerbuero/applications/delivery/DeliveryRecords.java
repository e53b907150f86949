package de.buergerbuero.applications.delivery;

import de.buergerbuero.applications.internal.DeliveryEntity;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.spi.delivery.DeliveryReceipt;
import de.buergerbuero.kernel.spi.delivery.DeliveryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * The record of every Bescheid delivery (table {@code bb_delivery}): written when a channel took or
 * refused it, updated by the channel's later reports (the first final state is kept; reports may
 * repeat and arrive out of order). A report for a delivery this deployment does not know is ignored
 * and logged without personal data.
 */
@ApplicationScoped
public class DeliveryRecords {
  private static final Logger LOG = Logger.getLogger(DeliveryRecords.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Transactions tx;
  @Inject Clock clock;

  /** Records an attempt; call inside a transaction. */
  public void record(
      String applicationId,
      String channel,
      String deliveryRef,
      DeliveryEntity.State state,
      String reason) {
    em.persist(
        new DeliveryEntity(applicationId, channel, deliveryRef, state, reason, clock.instant()));
  }

  /** Every attempt for one application, oldest first; call inside a transaction. */
  public List<DeliveryEntity> of(String applicationId) {
    return em.createQuery(
            "SELECT d FROM DeliveryEntity d WHERE d.applicationId = :id ORDER BY d.createdAt",
            DeliveryEntity.class)
        .setParameter("id", applicationId)
        .getResultList();
  }

  /** Whether a delivery with this channel id is recorded. */
  public boolean knows(String deliveryRef) {
    return tx.required(
        () ->
            !em.createQuery(
                    "SELECT d.id FROM DeliveryEntity d WHERE d.deliveryRef = :ref", String.class)
                .setParameter("ref", deliveryRef)
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
  }

  /** A channel's later report (from a verified callback or the channel itself). */
  public void onReport(@Observes DeliveryReceipt report) {
    reported(report);
  }

  /**
   * Applies a report in its own transaction.
   *
   * @return whether a delivery changed
   */
  public boolean reported(DeliveryReceipt report) {
    if (report.state() == DeliveryState.ACCEPTED) {
      return false;
    }
    boolean changed =
        tx.required(
            () -> {
              List<DeliveryEntity> found =
                  em.createQuery(
                          "SELECT d FROM DeliveryEntity d WHERE d.deliveryRef = :ref",
                          DeliveryEntity.class)
                      .setParameter("ref", report.deliveryId())
                      .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                      .getResultList();
              boolean any = false;
              for (DeliveryEntity d : found) {
                any |=
                    d.report(
                        report.state() == DeliveryState.FAILED
                            ? DeliveryEntity.State.FAILED
                            : DeliveryEntity.State.DELIVERED,
                        report.reason(),
                        clock.instant());
              }
              if (found.isEmpty()) {
                LOG.warning(() -> "Report for an unknown delivery: " + report.deliveryId());
              }
              return any;
            });
    return changed;
  }
}
