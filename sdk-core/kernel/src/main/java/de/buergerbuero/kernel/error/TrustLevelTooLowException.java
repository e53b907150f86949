package de.buergerbuero.kernel.error;

import de.buergerbuero.kernel.model.TrustLevel;

/**
 * The session's login is weaker than the service requires. The client restarts the login with
 * {@link #required()} (step-up).
 */
public class TrustLevelTooLowException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  private final TrustLevel required;
  private final TrustLevel actual;

  public TrustLevelTooLowException(TrustLevel required, TrustLevel actual) {
    super(
        KernelError.TRUST_LEVEL_TOO_LOW,
        "Dieser Dienst erfordert das Vertrauensniveau "
            + required.eidasLevel()
            + " ("
            + required.storkQaaClassRef()
            + "); Ihre Anmeldung hat "
            + actual.eidasLevel()
            + ". Bitte melden Sie sich mit einem stärkeren Verfahren an.");
    this.required = required;
    this.actual = actual;
  }

  public TrustLevel required() {
    return required;
  }

  public TrustLevel actual() {
    return actual;
  }
}
