package de.buergerbuero.appointments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the appointment tables; callers provide the transaction. */
@ApplicationScoped
public class AppointmentStore {
  private static final String COLUMNS =
      "id, location_id, service_id, slot_start, slot_count, status, hold_until, contact_name,"
          + " contact_email";

  @PersistenceContext EntityManager em;

  /** Takes one place in a slot if one is free: locks the row and re-counts in one statement. */
  boolean take(String locationId, Instant slot) {
    return em.createNativeQuery(
                "UPDATE bb_appointment_slot SET taken = taken + 1"
                    + " WHERE location_id = ? AND slot_start = ? AND taken < capacity")
            .setParameter(1, locationId)
            .setParameter(2, Timestamp.from(slot))
            .executeUpdate()
        == 1;
  }

  void release(String locationId, Instant slot) {
    em.createNativeQuery(
            "UPDATE bb_appointment_slot SET taken = taken - 1"
                + " WHERE location_id = ? AND slot_start = ? AND taken > 0")
        .setParameter(1, locationId)
        .setParameter(2, Timestamp.from(slot))
        .executeUpdate();
  }

  /** Free places per slot start in [from, to). */
  Map<Instant, Integer> free(String locationId, Instant from, Instant to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT slot_start, capacity - taken FROM bb_appointment_slot"
                    + " WHERE location_id = ? AND slot_start >= ? AND slot_start < ?")
            .setParameter(1, locationId)
            .setParameter(2, Timestamp.from(from))
            .setParameter(3, Timestamp.from(to))
            .getResultList();
    Map<Instant, Integer> free = new LinkedHashMap<>();
    for (Object[] r : rows) {
      free.put(((Timestamp) r[0]).toInstant(), ((Number) r[1]).intValue());
    }
    return free;
  }

  /** Slot starts of a location in [from, to) that already have a row. */
  List<Instant> existingSlots(String locationId, Instant from, Instant to) {
    return new ArrayList<>(free(locationId, from, to).keySet());
  }

  void createSlot(String locationId, Instant slot, int capacity) {
    em.createNativeQuery(
            "INSERT INTO bb_appointment_slot (location_id, slot_start, capacity, taken)"
                + " VALUES (?, ?, ?, 0)")
        .setParameter(1, locationId)
        .setParameter(2, Timestamp.from(slot))
        .setParameter(3, capacity)
        .executeUpdate();
  }

  void insert(Appointment a, String requestKey, Instant now) {
    em.createNativeQuery(
            "INSERT INTO bb_appointment ("
                + COLUMNS
                + ", email_key, request_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, a.id())
        .setParameter(2, a.locationId())
        .setParameter(3, a.serviceId())
        .setParameter(4, Timestamp.from(a.start()))
        .setParameter(5, a.slotCount())
        .setParameter(6, a.status())
        .setParameter(7, a.holdUntil() == null ? null : Timestamp.from(a.holdUntil()))
        .setParameter(8, a.contactName())
        .setParameter(9, a.contactEmail())
        .setParameter(10, null)
        .setParameter(11, requestKey)
        .setParameter(12, Timestamp.from(now))
        .executeUpdate();
  }

  Optional<Appointment> byId(String id) {
    return one("SELECT " + COLUMNS + " FROM bb_appointment WHERE id = ?", id);
  }

  Optional<Appointment> byRequestKey(String requestKey) {
    return one("SELECT " + COLUMNS + " FROM bb_appointment WHERE request_key = ?", requestKey);
  }

  /** Changes the status only if it is still {@code expected}; false when someone was quicker. */
  boolean changeStatus(String id, String expected, String status) {
    return em.createNativeQuery("UPDATE bb_appointment SET status = ? WHERE id = ? AND status = ?")
            .setParameter(1, status)
            .setParameter(2, id)
            .setParameter(3, expected)
            .executeUpdate()
        == 1;
  }

  /**
   * Erases name and e-mail address of appointments that started before {@code before}; the keyed
   * e-mail hash goes too, so nothing links a past visit to a person.
   */
  int forgetContacts(Instant before) {
    return em.createNativeQuery(
            "UPDATE bb_appointment SET contact_name = NULL, contact_email = NULL, email_key = NULL"
                + " WHERE slot_start < ? AND (contact_name IS NOT NULL OR contact_email IS NOT NULL"
                + " OR email_key IS NOT NULL)")
        .setParameter(1, Timestamp.from(before))
        .executeUpdate();
  }

  void move(String id, Instant start) {
    em.createNativeQuery("UPDATE bb_appointment SET slot_start = ?, reminded = 0 WHERE id = ?")
        .setParameter(1, Timestamp.from(start))
        .setParameter(2, id)
        .executeUpdate();
  }

  void confirm(String id, String name, String email, String emailKey) {
    em.createNativeQuery(
            "UPDATE bb_appointment SET status = 'CONFIRMED', hold_until = NULL, contact_name = ?,"
                + " contact_email = ?, email_key = ? WHERE id = ? AND status = 'HELD'")
        .setParameter(1, name)
        .setParameter(2, email)
        .setParameter(3, emailKey)
        .setParameter(4, id)
        .executeUpdate();
  }

  /** A hold waiting for its double opt-in until {@code until}; counts as an open booking. */
  void pending(String id, String name, String email, String emailKey, Instant until) {
    em.createNativeQuery(
            "UPDATE bb_appointment SET status = 'PENDING', hold_until = ?, contact_name = ?,"
                + " contact_email = ?, email_key = ? WHERE id = ? AND status = 'HELD'")
        .setParameter(1, Timestamp.from(until))
        .setParameter(2, name)
        .setParameter(3, email)
        .setParameter(4, emailKey)
        .setParameter(5, id)
        .executeUpdate();
  }

  /** The opt-in link was followed. */
  void verified(String id) {
    em.createNativeQuery(
            "UPDATE bb_appointment SET status = 'CONFIRMED', hold_until = NULL"
                + " WHERE id = ? AND status = 'PENDING'")
        .setParameter(1, id)
        .executeUpdate();
  }

  long openBookings(String emailKey, Instant now) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM bb_appointment WHERE email_key = ?"
                        + " AND status IN ('CONFIRMED', 'PENDING')"
                        + " AND slot_start > ?")
                .setParameter(1, emailKey)
                .setParameter(2, Timestamp.from(now))
                .getSingleResult())
        .longValue();
  }

  /** Confirmed appointments in (from, to] not reminded yet. */
  List<Appointment> remindersDue(Instant from, Instant to) {
    return many(
        "SELECT "
            + COLUMNS
            + " FROM bb_appointment WHERE status = 'CONFIRMED' AND reminded = 0"
            + " AND slot_start > ? AND slot_start <= ?",
        500,
        Timestamp.from(from),
        Timestamp.from(to));
  }

  /** Marks the reminder as queued; false when another node did it first. */
  boolean markReminded(String id) {
    return em.createNativeQuery(
                "UPDATE bb_appointment SET reminded = 1 WHERE id = ? AND reminded = 0")
            .setParameter(1, id)
            .executeUpdate()
        == 1;
  }

  List<Appointment> expiredHolds(Instant now, int limit) {
    return many(
        "SELECT "
            + COLUMNS
            + " FROM bb_appointment WHERE status IN ('HELD', 'PENDING') AND hold_until < ?",
        limit,
        Timestamp.from(now));
  }

  List<Appointment> day(String locationId, Instant from, Instant to) {
    return many(
        "SELECT "
            + COLUMNS
            + " FROM bb_appointment WHERE location_id = ? AND slot_start >= ? AND slot_start < ?"
            + " AND status IN ('CONFIRMED', 'NO_SHOW') ORDER BY slot_start",
        1000,
        locationId,
        Timestamp.from(from),
        Timestamp.from(to));
  }

  private Optional<Appointment> one(String sql, Object param) {
    return many(sql, 1, param).stream().findFirst();
  }

  private List<Appointment> many(String sql, int limit, Object... params) {
    var query = em.createNativeQuery(sql).setMaxResults(limit);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<Appointment> result = new ArrayList<>();
    for (Object[] r : rows) {
      result.add(
          new Appointment(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              ((Timestamp) r[3]).toInstant(),
              ((Number) r[4]).intValue(),
              (String) r[5],
              r[6] == null ? null : ((Timestamp) r[6]).toInstant(),
              (String) r[7],
              (String) r[8]));
    }
    return result;
  }
}
