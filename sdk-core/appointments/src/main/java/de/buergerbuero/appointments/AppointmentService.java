package de.buergerbuero.appointments;

import de.buergerbuero.appointments.Locations.Location;
import de.buergerbuero.appointments.Locations.OfferedService;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.outbox.Outbox;
import de.buergerbuero.kernel.persistence.MigrationSet;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.profile.DeploymentProfile;
import de.buergerbuero.kernel.time.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appointment booking. The one rule that matters: a slot is never given out more often than its
 * capacity. A hold takes each needed slot with a conditional update in ascending time order inside
 * one transaction (see {@code V1__appointments.sql}); if one is full the whole hold rolls back.
 * Deadlocks and serialisation failures are retried; a repeated request (same request key) returns
 * the first answer.
 */
@ApplicationScoped
public class AppointmentService {
  private static final Logger LOG = Logger.getLogger(AppointmentService.class.getName());
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s]{2,}");

  @Inject AppointmentStore store;
  @Inject BookingCalendar calendar;
  @Inject Outbox outbox;

  /** Whether confirmations, cancellations and reminders are e-mailed (needs a mail session). */
  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.mail", defaultValue = "false")
  boolean mail;

  @Inject Transactions tx;
  @Inject Clock clock;
  @Resource ManagedScheduledExecutorService executor;

  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.resource")
  Optional<String> resource;

  @Inject
  @ConfigProperty(name = AppointmentSecrets.KEY)
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.contact-retention-days", defaultValue = "30")
  int contactRetentionDays;

  @Inject
  @ConfigProperty(name = DeploymentProfile.KEY)
  Optional<String> profile;

  /** The key that signs cancel links (see {@link AppointmentSecrets}). */
  private String signingKey;

  private Locations locations;
  private ScheduledFuture<?> maintenance;

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

  /**
   * After the schema exists: slot rows for the booking window and the erasure of old contact data,
   * then hourly; holds expire every 30 seconds.
   */
  void start(@Observes @Priority(1100) Startup startup) {
    ensureSlots();
    forgetPastContacts();
    maintenance =
        Periodic.every(
            executor,
            30_000,
            LOG,
            "Appointment maintenance",
            () -> {
              expireHolds();
              queueReminders();
              if (clock.instant().getEpochSecond() % 3600 < 30) {
                ensureSlots();
                forgetPastContacts();
              }
            });
  }

  @PreDestroy
  void stop() {
    if (maintenance != null) {
      maintenance.cancel(false);
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

  /**
   * Reserves the slots for a few minutes. {@code requestKey} (chosen by the client, e.g. a UUID per
   * booking attempt) makes a repeated request return the same hold.
   */
  public Appointment hold(String locationId, String serviceId, Instant start, String requestKey) {
    Location location = locations.location(locationId);
    OfferedService service = locations.service(location, serviceId);
    LocalDate date = LocalDate.ofInstant(start, location.zone());
    if (!locations.inWindow(location, date, clock.instant())) {
      throw AppointmentsError.OUTSIDE_BOOKING_WINDOW.with(
          "Termine können "
              + locations.minDaysAhead()
              + " bis "
              + locations.maxDaysAhead()
              + " Tage im Voraus gebucht werden.");
    }
    List<Instant> slots = locations.startsOf(location, date, service.slots()).get(start);
    if (slots == null) {
      throw AppointmentsError.NOT_A_START_TIME.with("Zu dieser Uhrzeit beginnt kein Termin.");
    }
    String key =
        requestKey == null || requestKey.isBlank() ? UUID.randomUUID().toString() : requestKey;
    if (key.length() > 100) {
      throw AppointmentsError.INVALID_CONTACT.with("requestKey: höchstens 100 Zeichen.");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.required(
            () -> {
              Optional<Appointment> earlier = store.byRequestKey(key);
              if (earlier.isPresent()) {
                return earlier.get();
              }
              for (Instant slot : slots) { // ascending: the fixed lock order
                if (!store.take(location.id(), slot)) {
                  throw AppointmentsError.SLOT_TAKEN.with(
                      "Dieser Termin ist gerade vergeben worden. Bitte wählen Sie einen anderen.");
                }
              }
              Instant now = clock.instant();
              Appointment held =
                  new Appointment(
                      UUID.randomUUID().toString(),
                      location.id(),
                      service.id(),
                      start,
                      slots.size(),
                      "HELD",
                      now.plus(Duration.ofMinutes(locations.holdMinutes())),
                      null,
                      null);
              store.insert(held, key, now);
              return held;
            });
      } catch (RuntimeException e) {
        if (attempt < 5 && isTransient(e)) {
          continue;
        }
        if (isDuplicate(e)) {
          return tx.required(() -> store.byRequestKey(key)).orElseThrow(() -> e);
        }
        throw e;
      }
    }
  }

  /** A confirmed appointment and how to cancel it. */
  public record Confirmation(Appointment appointment, String cancelToken, String room) {}

  public Confirmation confirm(String id, String name, String email) {
    String cleanName = name == null ? "" : name.strip();
    String cleanEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (cleanName.isEmpty() || cleanName.length() > 200 || !EMAIL.matcher(cleanEmail).matches()) {
      throw AppointmentsError.INVALID_CONTACT.with(
          "Bitte geben Sie Ihren Namen und eine gültige E-Mail-Adresse an.");
    }
    String emailKey = hmac("email:" + cleanEmail);
    Appointment confirmed =
        tx.required(
            () -> {
              Appointment a = requireExisting(id);
              if ("CONFIRMED".equals(a.status())) {
                return a;
              }
              if (!"HELD".equals(a.status()) || a.holdUntil().isBefore(clock.instant())) {
                throw AppointmentsError.HOLD_EXPIRED.with(
                    "Die Reservierung ist abgelaufen. Bitte wählen Sie den Termin erneut.");
              }
              if (store.openBookings(emailKey, clock.instant()) >= locations.maxOpenPerEmail()) {
                throw AppointmentsError.TOO_MANY_OPEN_BOOKINGS.with(
                    "Mit dieser E-Mail-Adresse sind bereits "
                        + locations.maxOpenPerEmail()
                        + " Termine gebucht.");
              }
              store.confirm(id, cleanName, cleanEmail, emailKey);
              mail("confirmed", id);
              return requireExisting(id);
            });
    return new Confirmation(
        confirmed, cancelToken(id), locations.location(confirmed.locationId()).room());
  }

  private void requireToken(String id, String token) {
    if (id == null
        || token == null
        || !MessageDigest.isEqual(
            cancelToken(id).getBytes(StandardCharsets.US_ASCII),
            token.getBytes(StandardCharsets.US_ASCII))) {
      throw AppointmentsError.APPOINTMENT_NOT_FOUND.with(
          "Unbekannter Termin oder ungültiger Link.");
    }
  }

  /**
   * Moves a confirmed appointment to another start time in one transaction: its slots are given
   * back and the new ones taken (or nothing changes, when the new time is full). The token is the
   * one of the confirmation link.
   */
  public Appointment reschedule(String id, String token, Instant newStart) {
    requireToken(id, token);
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.required(
            () -> {
              Appointment a = requireExisting(id);
              if (!"CONFIRMED".equals(a.status()) || !a.start().isAfter(clock.instant())) {
                throw AppointmentsError.NOT_CANCELLABLE.with(
                    "Nur künftige bestätigte Termine können verlegt werden.");
              }
              if (a.start().equals(newStart)) {
                return a;
              }
              Location location = locations.location(a.locationId());
              OfferedService service = locations.service(location, a.serviceId());
              LocalDate date = LocalDate.ofInstant(newStart, location.zone());
              if (!locations.inWindow(location, date, clock.instant())) {
                throw AppointmentsError.OUTSIDE_BOOKING_WINDOW.with(
                    "Der neue Termin liegt außerhalb des Buchungszeitraums.");
              }
              List<Instant> slots =
                  locations.startsOf(location, date, service.slots()).get(newStart);
              if (slots == null) {
                throw AppointmentsError.NOT_A_START_TIME.with(
                    "Zu dieser Uhrzeit beginnt kein Termin.");
              }
              releaseSlots(a);
              for (Instant slot : slots) {
                if (!store.take(location.id(), slot)) {
                  throw AppointmentsError.SLOT_TAKEN.with(
                      "Der neue Termin ist gerade vergeben worden. Ihr bisheriger Termin bleibt.");
                }
              }
              store.move(id, newStart);
              mail("rescheduled-" + newStart.getEpochSecond(), id);
              return requireExisting(id);
            });
      } catch (RuntimeException e) {
        if (attempt < 5 && isTransient(e)) {
          continue;
        }
        throw e;
      }
    }
  }

  /** Cancels with the token from the confirmation; the slots are free again. */
  public void cancel(String id, String token) {
    requireToken(id, token);
    tx.required(
        () -> {
          Appointment a = requireExisting(id);
          if (!a.status().equals("CONFIRMED") && !a.status().equals("HELD")) {
            throw AppointmentsError.NOT_CANCELLABLE.with("Der Termin ist nicht mehr aktiv.");
          }
          if (!a.start().isAfter(clock.instant())) {
            throw AppointmentsError.NOT_CANCELLABLE.with("Der Termin hat schon begonnen.");
          }
          if (store.changeStatus(id, a.status(), "CANCELLED")) {
            releaseSlots(a);
            if (a.status().equals("CONFIRMED")) {
              mail("cancelled", id);
            }
          }
        });
  }

  /** Queues an e-mail through the outbox (same transaction); one per kind and appointment. */
  private void mail(String kind, String appointmentId) {
    if (mail) {
      outbox.enqueue(
          AppointmentMail.TYPE,
          "appointment-" + kind + "-" + appointmentId,
          kind.replaceFirst("-\\d+$", "") + ":" + appointmentId);
    }
  }

  /** Queues reminders for confirmed appointments starting within the next 24 hours. */
  public int queueReminders() {
    if (!mail) {
      return 0;
    }
    Instant now = clock.instant();
    List<Appointment> due =
        tx.required(() -> store.remindersDue(now, now.plus(AppointmentMail.REMINDER_BEFORE)));
    int queued = 0;
    for (Appointment a : due) {
      try {
        tx.required(
            () -> {
              if (store.markReminded(a.id())) {
                mail("reminder", a.id());
              }
            });
        queued++;
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "reminder not queued", e);
      }
    }
    return queued;
  }

  /**
   * Data minimisation: contact data is needed for the confirmation, reminder and cancellation only;
   * {@code buergerbuero.appointments.contact-retention-days} (default 30) after the appointment it
   * is erased.
   */
  public int forgetPastContacts() {
    Instant before = clock.instant().minus(Duration.ofDays(Math.max(1, contactRetentionDays)));
    return tx.required(() -> store.forgetContacts(before));
  }

  /** Ends holds not confirmed in time and frees their slots. */
  public int expireHolds() {
    List<Appointment> expired = tx.required(() -> store.expiredHolds(clock.instant(), 500));
    int count = 0;
    for (Appointment a : expired) {
      boolean done =
          tx.required(
              () -> {
                if (store.changeStatus(a.id(), "HELD", "EXPIRED")) {
                  releaseSlots(a);
                  return true;
                }
                return false;
              });
      count += done ? 1 : 0;
    }
    return count;
  }

  /** The day's confirmed appointments of a location (staff view). */
  public List<Appointment> day(String locationId, LocalDate date) {
    Location location = locations.location(locationId);
    return tx.required(
        () ->
            store.day(
                location.id(),
                date.atStartOfDay(location.zone()).toInstant(),
                date.plusDays(1).atStartOfDay(location.zone()).toInstant()));
  }

  public Appointment markNoShow(String id) {
    return tx.required(
        () -> {
          Appointment a = requireExisting(id);
          if (!store.changeStatus(id, "CONFIRMED", "NO_SHOW")) {
            throw AppointmentsError.NOT_CANCELLABLE.with("Nur bestätigte Termine.");
          }
          return requireExisting(id);
        });
  }

  private void releaseSlots(Appointment a) {
    Location location = locations.location(a.locationId());
    for (int i = 0; i < a.slotCount(); i++) {
      store.release(location.id(), a.start().plus(locations.slot().multipliedBy(i)));
    }
  }

  private Appointment requireExisting(String id) {
    return store
        .byId(id)
        .orElseThrow(() -> AppointmentsError.APPOINTMENT_NOT_FOUND.with("Unbekannter Termin."));
  }

  String cancelToken(String id) {
    return hmac("cancel:" + id);
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

  /** Deadlock or serialisation failure (SQLSTATE class 40): try again. */
  private static boolean isTransient(Throwable e) {
    return sqlState(e).map(s -> s.startsWith("40")).orElse(false);
  }

  /** Unique constraint violation (SQLSTATE 23505): a parallel request with the same key won. */
  private static boolean isDuplicate(Throwable e) {
    return sqlState(e).map(s -> s.equals("23505")).orElse(false);
  }

  private static Optional<String> sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }
}
