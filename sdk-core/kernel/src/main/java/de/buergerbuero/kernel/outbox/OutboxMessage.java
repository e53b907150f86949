package de.buergerbuero.kernel.outbox;

/**
 * What a handler gets to deliver.
 *
 * @param id the outbox entry id
 * @param type the handler type
 * @param idempotencyKey pass this on to the outside system so a repeated delivery creates nothing
 *     new
 * @param payload the handler's own payload (small; usually ids to load the data from)
 * @param attempt 1 for the first attempt
 */
public record OutboxMessage(
    String id, String type, String idempotencyKey, String payload, int attempt) {}
