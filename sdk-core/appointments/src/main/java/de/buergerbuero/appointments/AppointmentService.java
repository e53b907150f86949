package de.buergerbuero.appointments;

import de.buergerbuero.appointments.Locations.Location;
import de.buergerbuero.appointments.Locations.OfferedService;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.persistence.MigrationSet;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.profile.DeploymentProfile;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configuration of appointment booking: locations read at start-up, the free times of the
 * calendar, the slot rows of the booking window, and the signed tokens (cancel, hold, opt-in,
 * e-mail key). The use cases live in their own classes: {@link Holds}, {@link Confirmations},
 * {@link Changes}, {@link StaffAppointments}, {@link AppointmentMaintenance}.
 */
@ApplicationScoped
public class AppointmentService {
  private static final Logger LOG = Logger.getLogger(AppointmentService.class.getName());

  @Inject AppointmentStore store;
  @Inject BookingCalendar calendar;

  @Inject Transactions tx;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.resource")
  Optional<String> resource;

  @Inject
  @ConfigProperty(name = AppointmentSecrets.KEY)
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = DeploymentProfile.KEY)
  Optional<String> profile;

  /** The key that signs cancel links (see {@link AppointmentSecrets}). */
  private String signingKey;

  private Locations locations;

  @Produces
  MigrationSet appointmentMigrations() {
    return new MigrationSet(
        "appointments", "de/buergerbuero/appointments/db", List.of("V1__appointments.sql"));
  }

  @PostConstruct
  void load() {
    signingKey =
        DeploymentProfile.of(profile)
            .secret(AppointmentSecrets.KEY, secret, AppointmentSecrets.DEVELOPMENT_SECRET);
    if (resource.isEmpty() || resource.get().isBlank()) {
      locations = new Locations(10, 10, 1, 60, 3, Map.of());
      return;
    }
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource.get())) {
      if (in == null) {
        throw new ConfigurationException(
            "buergerbuero.appointments.resource: no " + resource.get());
      }
      locations = Locations.read(in);
    } catch (IOException e) {
      throw new ConfigurationException("buergerbuero.appointments.resource: " + e.getMessage());
    }
  }

  public Locations locations() {
    return locations;
  }

  /** Creates the missing slot rows of the booking window, one day per transaction. */
  public void ensureSlots() {
    LocalDate today = LocalDate.now(clock);
    for (Location location : locations.byId().values()) {
      for (int d = 0; d <= locations.maxDaysAhead() + 1; d++) {
        LocalDate date = today.plusDays(d);
        List<Instant> slots = locations.slotsOf(location, date);
        if (slots.isEmpty()) {
          continue;
        }
        try {
          tx.required(
              () -> {
                Set<Instant> existing =
                    new HashSet<>(
                        store.existingSlots(
                            location.id(),
                            slots.get(0),
                            slots.get(slots.size() - 1).plusSeconds(1)));
                for (Instant slot : slots) {
                  if (!existing.contains(slot)) {
                    store.createSlot(location.id(), slot, location.capacity());
                  }
                }
              });
        } catch (RuntimeException e) {
          // another node created them at the same moment; the next round fills any gap
          LOG.log(Level.FINE, "slot rows of " + date + " not created", e);
        }
      }
    }
  }

  /** Days with at least one free start between from and to (inclusive), with their count. */
  public Map<LocalDate, Integer> freeDays(
      String locationId, String serviceId, LocalDate from, LocalDate to) {
    Location location = locations.location(locationId);
    OfferedService service = locations.service(location, serviceId);
    Instant now = clock.instant();
    LocalDate first = from;
    LocalDate last = to.isAfter(from.plusDays(62)) ? from.plusDays(62) : to;
    Map<Instant, Integer> free =
        calendar.freePlaces(
            location.id(),
            first.atStartOfDay(location.zone()).toInstant(),
            last.plusDays(1).atStartOfDay(location.zone()).toInstant());
    Map<LocalDate, Integer> days = new LinkedHashMap<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (!locations.inWindow(location, d, now)) {
        continue;
      }
      int count = freeStarts(location, service, d, free).size();
      if (count > 0) {
        days.put(d, count);
      }
    }
    return days;
  }

  /** Free start times of one day. */
  public List<Instant> freeTimes(String locationId, String serviceId, LocalDate date) {
    Location location = locations.location(locationId);
    OfferedService service = locations.service(location, serviceId);
    if (!locations.inWindow(location, date, clock.instant())) {
      return List.of();
    }
    Map<Instant, Integer> free =
        calendar.freePlaces(
            location.id(),
            date.atStartOfDay(location.zone()).toInstant(),
            date.plusDays(1).atStartOfDay(location.zone()).toInstant());
    return freeStarts(location, service, date, free);
  }

  private List<Instant> freeStarts(
      Location location, OfferedService service, LocalDate date, Map<Instant, Integer> free) {
    List<Instant> result = new ArrayList<>();
    for (var start : locations.startsOf(location, date, service.slots()).entrySet()) {
      if (start.getValue().stream().allMatch(s -> free.getOrDefault(s, 0) > 0)) {
        result.add(start.getKey());
      }
    }
    return result;
  }

  /** Authorises cancelling and moving; only the person who confirmed (and verified) gets it. */
  String cancelToken(String id) {
    return hmac("cancel:" + id);
  }

  /** Authorises confirming a hold; handed to whoever made the hold, never derivable from the id. */
  String holdToken(String id) {
    return hmac("hold:" + id);
  }

  /** The token of the double opt-in link mailed to the given address. */
  String verifyToken(String id) {
    return hmac("verify:" + id);
  }

  /** Keyed hash of a normalised e-mail address, for the open-bookings limit. */
  String emailKey(String normalisedEmail) {
    return hmac("email:" + normalisedEmail);
  }

  /** Constant-time comparison of a presented token with the expected one. */
  static boolean matches(String expected, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII));
  }

  private String hmac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
