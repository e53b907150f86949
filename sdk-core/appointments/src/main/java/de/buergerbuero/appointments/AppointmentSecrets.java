package de.buergerbuero.appointments;

import de.buergerbuero.kernel.profile.RequiredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The key that signs cancel links ({@value #KEY}). Its built-in value is public and works only
 * under the development profile (ADR 0015).
 */
@ApplicationScoped
public class AppointmentSecrets implements RequiredSecrets {
  public static final String KEY = "buergerbuero.appointments.secret";
  static final String DEVELOPMENT_SECRET = "development-only-appointment-secret";

  @Override
  public List<Secret> secrets(Function<String, Optional<String>> config) {
    return List.of(new Secret(KEY, DEVELOPMENT_SECRET));
  }
}
