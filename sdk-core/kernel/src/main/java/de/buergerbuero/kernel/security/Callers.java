package de.buergerbuero.kernel.security;

import de.buergerbuero.kernel.error.AccessDeniedException;
import de.buergerbuero.kernel.error.NotAuthenticatedException;

/** Guards for resources: who may call what. */
public final class Callers {
  private Callers() {}

  public static Caller.ApplicantCaller requireApplicant(Caller caller) {
    if (caller instanceof Caller.ApplicantCaller a) {
      return a;
    }
    requireAuthenticated(caller);
    throw new AccessDeniedException("Nur Antragstellende können diese Funktion nutzen.");
  }

  public static Caller.StaffCaller requireStaff(Caller caller) {
    if (caller instanceof Caller.StaffCaller s) {
      return s;
    }
    requireAuthenticated(caller);
    throw new AccessDeniedException("Nur Mitarbeitende können diese Funktion nutzen.");
  }

  public static Caller.StaffCaller requireAdmin(Caller caller) {
    Caller.StaffCaller staff = requireStaff(caller);
    if (!staff.admin()) {
      throw new AccessDeniedException("Nur die Administration kann diese Funktion nutzen.");
    }
    return staff;
  }

  private static void requireAuthenticated(Caller caller) {
    if (caller == null || caller instanceof Caller.Anonymous) {
      throw new NotAuthenticatedException("Bitte melden Sie sich an.");
    }
  }
}
