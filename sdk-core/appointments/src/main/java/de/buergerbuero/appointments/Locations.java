package de.buergerbuero.appointments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bookable locations, read from a JSON file (format in {@code docs/appointments-format.md}):
 * opening hours per weekday, closed dates, capacity per slot (counters), the services offered with
 * their length in slots, and the booking window.
 */
public record Locations(
    int slotMinutes,
    int holdMinutes,
    int minDaysAhead,
    int maxDaysAhead,
    int maxOpenPerEmail,
    Map<String, Location> byId) {

  /**
   * A place where appointments take place; {@code department} is the short id of the department
   * whose clerks see its appointments (as in the staff login's departments).
   */
  public record Location(
      String id,
      String name,
      String room,
      String department,
      ZoneId zone,
      int capacity,
      Map<DayOfWeek, List<LocalTime[]>> opening,
      Set<LocalDate> closed,
      Map<String, OfferedService> services) {}

  /** A service bookable at a location, {@code slots} consecutive slots long. */
  public record OfferedService(String id, String name, int slots) {}

  public static Locations read(InputStream json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      Map<String, Location> locations = new LinkedHashMap<>();
      for (JsonNode l : root.path("locations")) {
        Map<DayOfWeek, List<LocalTime[]>> opening = new EnumMap<>(DayOfWeek.class);
        l.path("opening")
            .fields()
            .forEachRemaining(
                e -> {
                  List<LocalTime[]> ranges = new ArrayList<>();
                  for (JsonNode r : e.getValue()) {
                    String[] parts = r.asText().split("-");
                    LocalTime from = LocalTime.parse(parts[0].trim());
                    LocalTime to = LocalTime.parse(parts[1].trim());
                    if (!from.isBefore(to)) {
                      throw new IllegalArgumentException("opening range " + r.asText());
                    }
                    ranges.add(new LocalTime[] {from, to});
                  }
                  opening.put(DayOfWeek.valueOf(e.getKey().toUpperCase(Locale.ROOT)), ranges);
                });
        Set<LocalDate> closed = new HashSet<>();
        l.path("closed").forEach(d -> closed.add(LocalDate.parse(d.asText())));
        Map<String, OfferedService> services = new LinkedHashMap<>();
        for (JsonNode s : l.path("services")) {
          int slots = s.path("slots").asInt(1);
          if (slots < 1 || slots > 12) {
            throw new IllegalArgumentException("service " + s.path("id").asText() + ": slots 1–12");
          }
          services.put(
              s.path("id").asText(),
              new OfferedService(s.path("id").asText(), s.path("name").asText(), slots));
        }
        int capacity = l.path("capacity").asInt(1);
        if (capacity < 1) {
          throw new IllegalArgumentException("location " + l.path("id").asText() + ": capacity");
        }
        String department = l.path("department").asText("");
        if (department.isBlank()) {
          throw new IllegalArgumentException(
              "location " + l.path("id").asText() + ": department (whose clerks see it) missing");
        }
        locations.put(
            l.path("id").asText(),
            new Location(
                l.path("id").asText(),
                l.path("name").asText(),
                l.path("room").asText(null),
                department,
                ZoneId.of(l.path("timezone").asText("Europe/Berlin")),
                capacity,
                opening,
                closed,
                services));
      }
      JsonNode window = root.path("bookingWindowDays");
      return new Locations(
          root.path("slotMinutes").asInt(10),
          root.path("holdMinutes").asInt(10),
          window.path("min").asInt(1),
          window.path("max").asInt(60),
          root.path("maxOpenBookingsPerEmail").asInt(3),
          locations);
    } catch (IOException | RuntimeException e) {
      throw AppointmentsError.CONFIGURATION_INVALID.with(
          "Terminkonfiguration nicht lesbar: " + e.getMessage());
    }
  }

  public Location location(String id) {
    Location l = byId.get(id);
    if (l == null) {
      throw AppointmentsError.UNKNOWN_LOCATION.with("Unbekannter Standort.");
    }
    return l;
  }

  public OfferedService service(Location location, String serviceId) {
    OfferedService s = location.services().get(serviceId);
    if (s == null) {
      throw AppointmentsError.UNKNOWN_SERVICE.with(
          "Diese Dienstleistung ist an diesem Standort nicht buchbar.");
    }
    return s;
  }

  public Duration slot() {
    return Duration.ofMinutes(slotMinutes);
  }

  /** Every slot start of a day at a location (none on closed days). */
  public List<Instant> slotsOf(Location location, LocalDate date) {
    List<Instant> slots = new ArrayList<>();
    if (location.closed().contains(date)) {
      return slots;
    }
    for (LocalTime[] range : location.opening().getOrDefault(date.getDayOfWeek(), List.of())) {
      for (LocalTime t = range[0];
          !t.plusMinutes(slotMinutes).isAfter(range[1]);
          t = t.plusMinutes(slotMinutes)) {
        slots.add(date.atTime(t).atZone(location.zone()).toInstant());
        if (t.plusMinutes(slotMinutes).isBefore(t)) {
          break; // past midnight
        }
      }
    }
    return slots;
  }

  /**
   * The start times of a day at which {@code slots} consecutive slots lie in one opening range,
   * each start with its slots in ascending order.
   */
  public Map<Instant, List<Instant>> startsOf(Location location, LocalDate date, int slots) {
    Map<Instant, List<Instant>> starts = new LinkedHashMap<>();
    if (location.closed().contains(date)) {
      return starts;
    }
    for (LocalTime[] range : location.opening().getOrDefault(date.getDayOfWeek(), List.of())) {
      for (LocalTime t = range[0];
          !t.plusMinutes((long) slotMinutes * slots).isAfter(range[1]);
          t = t.plusMinutes(slotMinutes)) {
        List<Instant> needed = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
          needed.add(
              date.atTime(t.plusMinutes((long) slotMinutes * i))
                  .atZone(location.zone())
                  .toInstant());
        }
        starts.put(needed.get(0), needed);
      }
    }
    return starts;
  }

  /** Whether the date is in the booking window, counted from today in the location's zone. */
  public boolean inWindow(Location location, LocalDate date, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, location.zone());
    return !date.isBefore(today.plusDays(minDaysAhead))
        && !date.isAfter(today.plusDays(maxDaysAhead));
  }
}
