package de.buergerbuero.kernel.model;

import de.buergerbuero.kernel.error.IllegalTransitionException;
import de.buergerbuero.kernel.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An application (Antrag) as a value: who applied for which service, and where it stands.
 *
 * @param id technical id
 * @param reference human-readable reference, e.g. {@code MS-2026-000123}
 * @param serviceId the {@link ServiceOffering#id()}
 * @param department the department responsible at submission time
 * @param applicant the applicant
 * @param status the current status
 * @param submittedAt when it was submitted
 * @param updatedAt when the status last changed
 */
public record Application(
    UUID id,
    String reference,
    String serviceId,
    String department,
    Applicant applicant,
    ApplicationStatus status,
    Instant submittedAt,
    Instant updatedAt) {

  private static final Pattern REFERENCE = Pattern.compile("[A-Z]{1,8}-\\d{4}-\\d{6,}");

  public Application {
    Objects.requireNonNull(id, "id");
    if (reference == null || !REFERENCE.matcher(reference).matches()) {
      throw InvalidInputException.field(
          "reference", "Aktenzeichen hat nicht die Form XX-JJJJ-NNNNNN.");
    }
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(applicant, "applicant");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(submittedAt, "submittedAt");
    if (updatedAt == null) {
      updatedAt = submittedAt;
    }
  }

  /** Formats a reference from a prefix, the year and a running number. */
  public static String formatReference(String prefix, int year, long number) {
    return String.format("%s-%04d-%06d", prefix, year, number);
  }

  /**
   * Returns this application in status {@code to}, or refuses an illegal change.
   *
   * @throws IllegalTransitionException when {@code actor} may not move the application from its
   *     current status to {@code to}
   */
  public Application transitionTo(ApplicationStatus to, Actor actor, Instant at) {
    Objects.requireNonNull(to, "to");
    boolean allowed =
        switch (actor) {
          case APPLICANT ->
              (to == ApplicationStatus.WITHDRAWN && status.withdrawable())
                  // answering a query hands the application back to the clerk
                  || (to == ApplicationStatus.IN_PROGRESS
                      && status == ApplicationStatus.NEEDS_INFO);
          case STAFF, SYSTEM -> status.staffTransitions().contains(to);
        };
    if (!allowed) {
      throw new IllegalTransitionException(status, to);
    }
    return new Application(id, reference, serviceId, department, applicant, to, submittedAt, at);
  }
}
