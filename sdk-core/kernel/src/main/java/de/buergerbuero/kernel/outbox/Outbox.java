package de.buergerbuero.kernel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.UUID;

/**
 * Records effects on outside systems. Must be called inside the transaction of the business change
 * (it refuses to run without one), so that either both are stored or neither.
 */
@ApplicationScoped
public class Outbox {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Adds an entry for delivery by the {@link OutboxHandler} of {@code type}.
   *
   * @param idempotencyKey unique across all entries; also passed to the outside system
   * @param payload at most 4000 characters; ids, not personal data
   * @return the entry's id
   */
  @Transactional(TxType.MANDATORY)
  public String enqueue(String type, String idempotencyKey, String payload) {
    if (payload.length() > 4000) {
      throw new IllegalArgumentException("Outbox payload longer than 4000 characters");
    }
    String id = UUID.randomUUID().toString();
    em.persist(new OutboxEntry(id, type, idempotencyKey, payload, clock.instant()));
    return id;
  }
}
