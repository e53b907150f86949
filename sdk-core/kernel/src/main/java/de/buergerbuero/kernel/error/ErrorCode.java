package de.buergerbuero.kernel.error;

/**
 * A stable, documented error code. Each module owns a numeric range (see {@code
 * docs/error-codes.md}); a code, once published, never changes its meaning.
 */
public interface ErrorCode {

  /** The stable code, e.g. {@code BB-1004}. Clients switch on this, never on texts. */
  String code();

  /** The HTTP status a REST client receives for this error. */
  int httpStatus();

  /** Short German title shown to citizens and clerks. */
  String titleDe();

  /** Short English title. */
  String titleEn();

  /** A URL-safe name used in the problem {@code type} URI. */
  String slug();
}
