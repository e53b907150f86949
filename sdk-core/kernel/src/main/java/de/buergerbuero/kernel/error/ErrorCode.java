package de.buergerbuero.kernel.error;

import java.util.Locale;

/**
 * A stable, documented error code. Each module owns a numeric range (see {@code
 * docs/error-codes.md}); a code, once published, never changes its meaning. Modules implement it
 * with an enum whose constants carry a {@link Descriptor}.
 */
public interface ErrorCode {

  /**
   * What a code says.
   *
   * @param code the stable code, e.g. {@code BB-1004}; clients switch on this, never on texts
   * @param httpStatus the HTTP status a REST client receives
   * @param titleDe short German title shown to citizens and clerks
   * @param titleEn short English title
   */
  record Descriptor(String code, int httpStatus, String titleDe, String titleEn) {}

  Descriptor descriptor();

  default String code() {
    return descriptor().code();
  }

  default int httpStatus() {
    return descriptor().httpStatus();
  }

  default String titleDe() {
    return descriptor().titleDe();
  }

  default String titleEn() {
    return descriptor().titleEn();
  }

  /** A URL-safe name used in the problem {@code type} URI: the enum constant in kebab case. */
  default String slug() {
    String name = this instanceof Enum<?> e ? e.name() : descriptor().code();
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
