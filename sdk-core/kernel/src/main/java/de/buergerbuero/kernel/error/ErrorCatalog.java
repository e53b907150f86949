package de.buergerbuero.kernel.error;

import java.util.List;

/**
 * The error codes one module publishes, found with {@link java.util.ServiceLoader} (register the
 * implementation in {@code META-INF/services/de.buergerbuero.kernel.error.ErrorCatalog}). The
 * OpenAPI document builds its problem examples from them, and a test compares them with {@code
 * docs/error-codes.md}.
 */
public interface ErrorCatalog {

  /** Every code of the module. */
  List<? extends ErrorCode> codes();
}
