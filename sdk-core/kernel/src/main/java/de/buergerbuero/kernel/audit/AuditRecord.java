package de.buergerbuero.kernel.audit;

import java.time.Instant;

/**
 * One audit log entry as a value.
 *
 * @param seq position in the chain, starting at 1, without gaps
 * @param occurredAt when, truncated to milliseconds
 * @param actor who ({@code staff:<account>}, {@code applicant:<pseudonym>}, {@code system})
 * @param action what, e.g. {@code APPLICATION_READ}, {@code STATUS_CHANGED}
 * @param objectType e.g. {@code application}
 * @param objectId the object's id
 * @param detail short, non-personal detail (e.g. {@code IN_PROGRESS -> APPROVED})
 * @param prevHash hash of the previous entry (64 zeros for the first)
 * @param hash HMAC-SHA-256 under the audit key over prevHash and all fields above (plain SHA-256
 *     for entries sealed before the chain was keyed)
 * @param keyId id of the audit key ({@link AuditKey#id()}); null for entries sealed before the
 *     chain was keyed
 */
public record AuditRecord(
    long seq,
    Instant occurredAt,
    String actor,
    String action,
    String objectType,
    String objectId,
    String detail,
    String prevHash,
    String hash,
    String keyId) {}
