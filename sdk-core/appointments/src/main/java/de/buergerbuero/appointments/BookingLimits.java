package de.buergerbuero.appointments;

import de.buergerbuero.kernel.spi.guard.ClientLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-client limits of the booking API, which needs no login: calendar searches (scrapers that
 * resell free times), holds (one client cannot reserve a whole day) and confirmations. The client
 * is identified by {@link ClientAddresses}. Holds and confirmations write anyway; their limits are
 * counted in the database across every instance ({@link ClientLimits}, fixed windows of an hour).
 * Searches are a hot read path: their limit is a {@link RateLimit} in each instance's memory
 * (bounded), so with n instances behind a load balancer a client may search up to n times the
 * limit.
 */
@ApplicationScoped
public class BookingLimits {
  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.searches-per-minute", defaultValue = "120")
  int searchesPerMinute;

  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.holds-per-hour", defaultValue = "10")
  int holdsPerHour;

  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.confirmations-per-hour", defaultValue = "5")
  int confirmationsPerHour;

  @Inject
  @ConfigProperty(name = "buergerbuero.appointments.tracked-clients", defaultValue = "100000")
  int trackedClients;

  @Inject ClientLimits shared;
  @Inject Clock clock;

  private RateLimit searches;

  @PostConstruct
  void init() {
    searches =
        new RateLimit(
            searchesPerMinute, TimeUnit.MINUTES.toNanos(1), trackedClients, System::nanoTime);
  }

  /** One calendar search; 429 {@code BB-5012} when the client's budget is used up. */
  public void search(String client) {
    if (!searches.tryAcquire(client)) {
      throw AppointmentsError.TOO_MANY_SEARCHES.with(
          "Zu viele Terminsuchen in kurzer Zeit. Bitte versuchen Sie es in einer Minute erneut.");
    }
  }

  /** One hold; 429 {@code BB-5013} when the client's budget is used up. */
  public void hold(String client) {
    if (!shared.tryAcquire(
        "appointment-hold", client, holdsPerHour, Duration.ofHours(1), clock.instant())) {
      throw AppointmentsError.TOO_MANY_BOOKINGS.with(
          "Zu viele Reservierungen von Ihrem Anschluss. Bitte versuchen Sie es später erneut.");
    }
  }

  /** One confirmation; 429 {@code BB-5013} when the client's budget is used up. */
  public void confirm(String client) {
    if (!shared.tryAcquire(
        "appointment-confirm",
        client,
        confirmationsPerHour,
        Duration.ofHours(1),
        clock.instant())) {
      throw AppointmentsError.TOO_MANY_BOOKINGS.with(
          "Zu viele Buchungen von Ihrem Anschluss. Bitte versuchen Sie es später erneut.");
    }
  }
}
