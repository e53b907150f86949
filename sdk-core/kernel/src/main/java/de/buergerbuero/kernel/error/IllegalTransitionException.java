package de.buergerbuero.kernel.error;

import de.buergerbuero.kernel.model.ApplicationStatus;

/** A status change the lifecycle does not allow, e.g. APPROVED → IN_PROGRESS. */
public class IllegalTransitionException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  private final ApplicationStatus from;
  private final ApplicationStatus to;

  public IllegalTransitionException(ApplicationStatus from, ApplicationStatus to) {
    super(
        KernelError.ILLEGAL_TRANSITION,
        "Statuswechsel von " + from + " nach " + to + " ist nicht zulässig.");
    this.from = from;
    this.to = to;
  }

  public ApplicationStatus from() {
    return from;
  }

  public ApplicationStatus to() {
    return to;
  }
}
