package de.buergerbuero.appointments;

import java.time.Instant;

/**
 * An appointment as stored. Status: HELD (reserved for a few minutes), CONFIRMED, CANCELLED,
 * EXPIRED (hold not confirmed in time), NO_SHOW.
 */
public record Appointment(
    String id,
    String locationId,
    String serviceId,
    Instant start,
    int slotCount,
    String status,
    Instant holdUntil,
    String contactName,
    String contactEmail) {}
