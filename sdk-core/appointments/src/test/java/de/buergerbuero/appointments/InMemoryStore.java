package de.buergerbuero.appointments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The appointment tables in memory, with the same conditional updates as the SQL. */
class InMemoryStore extends AppointmentStore {
  record Slot(int capacity, int taken) {}

  static final class Row {
    Appointment a;
    String requestKey;
    String emailKey;
    boolean reminded;

    Appointment view() {
      return a;
    }
  }

  final Map<String, TreeMap<Instant, Slot>> slots = new LinkedHashMap<>();
  final Map<String, Row> rows = new LinkedHashMap<>();

  @Override
  boolean take(String locationId, Instant slot) {
    Slot s = slots.computeIfAbsent(locationId, k -> new TreeMap<>()).get(slot);
    if (s == null || s.taken() >= s.capacity()) {
      return false;
    }
    slots.get(locationId).put(slot, new Slot(s.capacity(), s.taken() + 1));
    return true;
  }

  @Override
  void release(String locationId, Instant slot) {
    Slot s = slots.computeIfAbsent(locationId, k -> new TreeMap<>()).get(slot);
    if (s != null && s.taken() > 0) {
      slots.get(locationId).put(slot, new Slot(s.capacity(), s.taken() - 1));
    }
  }

  @Override
  Map<Instant, Integer> free(String locationId, Instant from, Instant to) {
    Map<Instant, Integer> free = new LinkedHashMap<>();
    slots
        .getOrDefault(locationId, new TreeMap<>())
        .subMap(from, to)
        .forEach((k, v) -> free.put(k, v.capacity() - v.taken()));
    return free;
  }

  @Override
  void createSlot(String locationId, Instant slot, int capacity) {
    slots.computeIfAbsent(locationId, k -> new TreeMap<>()).put(slot, new Slot(capacity, 0));
  }

  @Override
  void insert(Appointment a, String requestKey, Instant now) {
    if (rows.values().stream().anyMatch(r -> r.requestKey.equals(requestKey))) {
      throw new IllegalStateException("duplicate request key");
    }
    Row r = new Row();
    r.a = a;
    r.requestKey = requestKey;
    rows.put(a.id(), r);
  }

  @Override
  Optional<Appointment> byId(String id) {
    return Optional.ofNullable(rows.get(id)).map(Row::view);
  }

  @Override
  Optional<Appointment> byRequestKey(String requestKey) {
    return rows.values().stream()
        .filter(r -> r.requestKey.equals(requestKey))
        .map(Row::view)
        .findFirst();
  }

  @Override
  boolean changeStatus(String id, String expected, String status) {
    Row r = rows.get(id);
    if (r == null || !r.a.status().equals(expected)) {
      return false;
    }
    r.a = with(r.a, status, r.a.holdUntil(), r.a.contactName(), r.a.contactEmail(), r.a.start());
    return true;
  }

  @Override
  int forgetContacts(Instant before) {
    return 0;
  }

  @Override
  void move(String id, Instant start) {
    Row r = rows.get(id);
    r.a = with(r.a, r.a.status(), r.a.holdUntil(), r.a.contactName(), r.a.contactEmail(), start);
    r.reminded = false;
  }

  @Override
  void confirm(String id, String name, String email, String emailKey) {
    Row r = rows.get(id);
    if (r.a.status().equals("HELD")) {
      r.a = with(r.a, "CONFIRMED", null, name, email, r.a.start());
      r.emailKey = emailKey;
    }
  }

  @Override
  void pending(String id, String name, String email, String emailKey, Instant until) {
    Row r = rows.get(id);
    if (r.a.status().equals("HELD")) {
      r.a = with(r.a, "PENDING", until, name, email, r.a.start());
      r.emailKey = emailKey;
    }
  }

  @Override
  void verified(String id) {
    Row r = rows.get(id);
    if (r.a.status().equals("PENDING")) {
      r.a = with(r.a, "CONFIRMED", null, r.a.contactName(), r.a.contactEmail(), r.a.start());
    }
  }

  @Override
  long openBookings(String emailKey, Instant now) {
    return rows.values().stream()
        .filter(r -> emailKey.equals(r.emailKey))
        .filter(r -> r.a.status().equals("CONFIRMED") || r.a.status().equals("PENDING"))
        .filter(r -> r.a.start().isAfter(now))
        .count();
  }

  @Override
  List<Appointment> remindersDue(Instant from, Instant to) {
    List<Appointment> due = new ArrayList<>();
    for (Row r : rows.values()) {
      if (r.a.status().equals("CONFIRMED")
          && !r.reminded
          && r.a.start().isAfter(from)
          && !r.a.start().isAfter(to)) {
        due.add(r.a);
      }
    }
    return due;
  }

  @Override
  boolean markReminded(String id) {
    Row r = rows.get(id);
    if (r.reminded) {
      return false;
    }
    r.reminded = true;
    return true;
  }

  @Override
  List<Appointment> expiredHolds(Instant now, int limit) {
    return rows.values().stream()
        .map(Row::view)
        .filter(a -> a.status().equals("HELD") || a.status().equals("PENDING"))
        .filter(a -> a.holdUntil().isBefore(now))
        .toList();
  }

  @Override
  List<Appointment> day(String locationId, Instant from, Instant to) {
    return rows.values().stream()
        .map(Row::view)
        .filter(a -> a.locationId().equals(locationId))
        .filter(a -> !a.start().isBefore(from) && a.start().isBefore(to))
        .filter(a -> a.status().equals("CONFIRMED") || a.status().equals("NO_SHOW"))
        .toList();
  }

  static Appointment with(
      Appointment a, String status, Instant holdUntil, String name, String email, Instant start) {
    return new Appointment(
        a.id(),
        a.locationId(),
        a.serviceId(),
        start,
        a.slotCount(),
        status,
        holdUntil,
        name,
        email);
  }
}
