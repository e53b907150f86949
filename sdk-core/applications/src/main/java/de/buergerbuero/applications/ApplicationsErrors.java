package de.buergerbuero.applications;

import de.buergerbuero.kernel.error.ErrorCatalog;
import java.util.List;

/** This module's error codes, for {@link ErrorCatalog}. */
public final class ApplicationsErrors implements ErrorCatalog {
  @Override
  public List<ApplicationsError> codes() {
    return List.of(ApplicationsError.values());
  }
}
