package de.buergerbuero.appointments;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-client limits of the booking API, which needs no login: calendar searches (scrapers that
 * resell free times), holds (one client cannot reserve a whole day) and confirmations. The client
 * is identified by {@link ClientAddresses}. Each limit is a {@link RateLimit} with bounded memory.
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

  private RateLimit searches;
  private RateLimit holds;
  private RateLimit confirmations;

  @PostConstruct
  void init() {
    searches =
        new RateLimit(
            searchesPerMinute, TimeUnit.MINUTES.toNanos(1), trackedClients, System::nanoTime);
    holds =
        new RateLimit(holdsPerHour, TimeUnit.HOURS.toNanos(1), trackedClients, System::nanoTime);
    confirmations =
        new RateLimit(
            confirmationsPerHour, TimeUnit.HOURS.toNanos(1), trackedClients, System::nanoTime);
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
    if (!holds.tryAcquire(client)) {
      throw AppointmentsError.TOO_MANY_BOOKINGS.with(
          "Zu viele Reservierungen von Ihrem Anschluss. Bitte versuchen Sie es später erneut.");
    }
  }

  /** One confirmation; 429 {@code BB-5013} when the client's budget is used up. */
  public void confirm(String client) {
    if (!confirmations.tryAcquire(client)) {
      throw AppointmentsError.TOO_MANY_BOOKINGS.with(
          "Zu viele Buchungen von Ihrem Anschluss. Bitte versuchen Sie es später erneut.");
    }
  }
}
