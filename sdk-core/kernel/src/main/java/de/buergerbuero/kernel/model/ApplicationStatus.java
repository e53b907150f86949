package de.buergerbuero.kernel.model;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Lifecycle of an application (Antrag).
 *
 * <pre>
 * SUBMITTED → RECEIVED → IN_PROGRESS ⇄ NEEDS_INFO
 *                        IN_PROGRESS → APPROVED | REJECTED → CLOSED
 * SUBMITTED | RECEIVED | IN_PROGRESS | NEEDS_INFO → WITHDRAWN  (by the applicant only)
 * NEEDS_INFO → IN_PROGRESS                                     (also by the applicant's answer)
 * </pre>
 */
@Schema(
    description =
        "Status of an application (Antrag) in its lifecycle: SUBMITTED, RECEIVED (filed in the DMS), IN_PROGRESS, NEEDS_INFO, APPROVED, REJECTED, CLOSED, WITHDRAWN.")
public enum ApplicationStatus {
  SUBMITTED,
  RECEIVED,
  IN_PROGRESS,
  NEEDS_INFO,
  APPROVED,
  REJECTED,
  CLOSED,
  WITHDRAWN;

  /** Status changes staff may make from this status. */
  public Set<ApplicationStatus> staffTransitions() {
    return switch (this) {
      case SUBMITTED -> EnumSet.of(RECEIVED);
      case RECEIVED -> EnumSet.of(IN_PROGRESS);
      case IN_PROGRESS -> EnumSet.of(NEEDS_INFO, APPROVED, REJECTED);
      case NEEDS_INFO -> EnumSet.of(IN_PROGRESS);
      case APPROVED, REJECTED -> EnumSet.of(CLOSED);
      case CLOSED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
    };
  }

  /** Whether the applicant may still withdraw: only before a decision. */
  public boolean withdrawable() {
    return this == SUBMITTED || this == RECEIVED || this == IN_PROGRESS || this == NEEDS_INFO;
  }

  /** Whether this status is a decision (Bescheid). */
  public boolean isDecision() {
    return this == APPROVED || this == REJECTED;
  }

  public boolean isFinal() {
    return this == CLOSED || this == WITHDRAWN;
  }
}
