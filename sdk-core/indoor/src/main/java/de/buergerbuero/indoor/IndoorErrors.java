package de.buergerbuero.indoor;

import de.buergerbuero.kernel.error.ErrorCatalog;
import java.util.List;

/** This module's error codes, for {@link ErrorCatalog}. */
public final class IndoorErrors implements ErrorCatalog {
  @Override
  public List<IndoorError> codes() {
    return List.of(IndoorError.values());
  }
}
