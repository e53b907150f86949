package de.buergerbuero.appointments;

import de.buergerbuero.kernel.error.ErrorCatalog;
import java.util.List;

/** This module's error codes, for {@link ErrorCatalog}. */
public final class AppointmentsErrors implements ErrorCatalog {
  @Override
  public List<AppointmentsError> codes() {
    return List.of(AppointmentsError.values());
  }
}
