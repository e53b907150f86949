package de.buergerbuero.kernel.error;

import java.util.List;

/** The kernel's error codes, for {@link ErrorCatalog}. */
public final class KernelErrors implements ErrorCatalog {
  @Override
  public List<KernelError> codes() {
    return List.of(KernelError.values());
  }
}
