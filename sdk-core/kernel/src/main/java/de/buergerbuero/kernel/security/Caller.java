package de.buergerbuero.kernel.security;

import de.buergerbuero.kernel.model.Applicant;
import de.buergerbuero.kernel.model.TrustLevel;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as resolved from the security context by the active {@link CallerResolver}.
 * Business code never reads identities from request bodies. Serializable because a logged-in caller
 * lives in the HTTP session, which several instances share through the session database (ADR 0019).
 */
public sealed interface Caller extends Serializable {

  /** A stable id for the audit log: a pseudonymous subject id or a staff account name. */
  String auditId();

  /** A citizen or company logged in through an identity provider. */
  record ApplicantCaller(Applicant applicant, TrustLevel trustLevel) implements Caller {
    public ApplicantCaller {
      Objects.requireNonNull(applicant, "applicant");
      Objects.requireNonNull(trustLevel, "trustLevel");
    }

    @Override
    public String auditId() {
      return "applicant:" + applicant.subjectId();
    }
  }

  /** A member of staff; clerks see their departments' applications, admins operate the system. */
  record StaffCaller(String accountName, String displayName, Set<String> departments, boolean admin)
      implements Caller {
    public StaffCaller {
      Objects.requireNonNull(accountName, "accountName");
      departments = Set.copyOf(departments);
    }

    public boolean worksIn(String department) {
      return departments.contains(department);
    }

    @Override
    public String auditId() {
      return "staff:" + accountName;
    }
  }

  /** Nobody is logged in. */
  record Anonymous() implements Caller {
    @Override
    public String auditId() {
      return "anonymous";
    }
  }
}
