package de.buergerbuero.connector.servicekonto;

import static de.buergerbuero.connector.servicekonto.SamlException.Reason.MISSING_ATTRIBUTE;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.NOT_STAFF;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.TRUST_LEVEL;

import de.buergerbuero.kernel.model.Applicant;
import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a validated BundID / Mein Unternehmenskonto assertion into the kernel's caller — and keeps
 * only what the SDK needs: the pseudonymous bPK2 as subject, the display name and the postbox
 * handle. Birth date and e-mail address are read by no service of the SDK and dropped here (data
 * minimisation); a town that needs them adds them to its own mapping.
 *
 * <p><b>Citizens' identity providers never yield staff</b> (issue 14 item 9, ADR 0018): {@link
 * #toCaller} maps to an applicant only and ignores any staff role attribute, whoever sent it —
 * anyone can get an account at a citizens' IdP, and attributes there are not the town's to vouch
 * for. Staff come only from a separately configured staff identity source, mapped by {@link
 * #toStaffCaller} with that source's own minimum trust level.
 *
 * <p>Trust level: the {@code AuthnContextClassRef} when it is a STORK-QAA level (as BundID sends
 * it); else the trust-level attribute (STORK-QAA or eIDAS LoA URI); when both are present, the
 * lower one; when neither, the lowest level.
 */
public final class ServicekontoLogin {
  private ServicekontoLogin() {}

  /** A citizen or company from a citizens' IdP; a staff role in the assertion is ignored. */
  public static Caller toCaller(SamlAssertion assertion, BundIdAttributes names) {
    return toCaller(
        assertion.attributes(), assertion.authnContextClassRef(), assertion.nameId(), names);
  }

  /**
   * A citizen or company from attributes (SAML attributes or OIDC claims, each a list of values)
   * and the authentication context (SAML {@code AuthnContextClassRef}, OIDC {@code acr}). Staff
   * attributes are ignored: without a bPK2 the login is refused ({@code MISSING_ATTRIBUTE}).
   */
  public static Caller toCaller(
      Map<String, List<String>> attributes,
      String authnContext,
      String idpSubject,
      BundIdAttributes names) {
    Values assertion = new Values(attributes, authnContext, idpSubject);
    String subject = assertion.first(names.bpk2());
    if (subject == null || subject.isBlank()) {
      throw new SamlException(MISSING_ATTRIBUTE, "bPK2 missing");
    }
    TrustLevel level = trustLevel(assertion, names);
    String company = assertion.first(names.companyName());
    if (company != null && !company.isBlank()) {
      String register = assertion.first(names.companyRegisterNumber());
      String display = register == null ? company : company + " (" + register + ")";
      return new Caller.ApplicantCaller(
          new Applicant(subject, ApplicantKind.COMPANY, display, assertion.first(names.postbox())),
          level);
    }
    String display = join(assertion.first(names.givenName()), assertion.first(names.surname()));
    if (display.isEmpty()) {
      throw new SamlException(MISSING_ATTRIBUTE, "name missing");
    }
    return new Caller.ApplicantCaller(
        new Applicant(subject, ApplicantKind.CITIZEN, display, assertion.first(names.postbox())),
        level);
  }

  /** A clerk or admin from the staff identity source's assertion. */
  public static Caller.StaffCaller toStaffCaller(
      SamlAssertion assertion, BundIdAttributes names, TrustLevel minimum) {
    return toStaffCaller(
        assertion.attributes(),
        assertion.authnContextClassRef(),
        assertion.nameId(),
        names,
        minimum);
  }

  /**
   * A clerk or admin from an assertion of the <em>staff</em> identity source (the town's own IdP,
   * realm or directory — never the citizens' IdP): the staff role ({@code clerk} or {@code admin})
   * is required, the departments are read, the IdP's subject is the account name, and the trust
   * level (as for citizens) must reach {@code minimum}.
   *
   * @throws SamlException {@code NOT_STAFF} without a known staff role, {@code TRUST_LEVEL} below
   *     the minimum
   */
  public static Caller.StaffCaller toStaffCaller(
      Map<String, List<String>> attributes,
      String authnContext,
      String idpSubject,
      BundIdAttributes names,
      TrustLevel minimum) {
    Values assertion = new Values(attributes, authnContext, idpSubject);
    String role = assertion.first(names.staffRole());
    boolean admin = "admin".equalsIgnoreCase(role == null ? "" : role.strip());
    if (!admin && !"clerk".equalsIgnoreCase(role == null ? "" : role.strip())) {
      throw new SamlException(NOT_STAFF, "no staff role");
    }
    if (idpSubject == null || idpSubject.isBlank()) {
      throw new SamlException(MISSING_ATTRIBUTE, "subject missing");
    }
    if (minimum != null && trustLevel(assertion, names).compareTo(minimum) < 0) {
      throw new SamlException(TRUST_LEVEL, "below the staff source's minimum");
    }
    String display = join(assertion.first(names.givenName()), assertion.first(names.surname()));
    Set<String> departments = new LinkedHashSet<>(assertion.all(names.staffDepartment()));
    return new Caller.StaffCaller(
        idpSubject, display.isEmpty() ? idpSubject : display, departments, admin);
  }

  /** Attribute access over either source. */
  private record Values(
      Map<String, List<String>> attributes, String authnContextClassRef, String nameId) {
    String first(String name) {
      List<String> v = attributes.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    List<String> all(String name) {
      return attributes.getOrDefault(name, List.of());
    }
  }

  private static TrustLevel trustLevel(Values assertion, BundIdAttributes names) {
    TrustLevel fromContext = parse(assertion.authnContextClassRef());
    TrustLevel fromAttribute = parse(assertion.first(names.trustLevel()));
    if (fromContext != null && fromAttribute != null) {
      return fromContext.compareTo(fromAttribute) <= 0 ? fromContext : fromAttribute;
    }
    if (fromContext != null) {
      return fromContext;
    }
    return fromAttribute != null ? fromAttribute : TrustLevel.NORMAL;
  }

  /** STORK-QAA-Level-n or an eIDAS LoA URI; null for anything else. */
  static TrustLevel parse(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.matches("STORK-QAA-Level-[1-4]")) {
      return TrustLevel.ofStorkQaaLevel(v.charAt(v.length() - 1) - '0');
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://eidas.europa.eu/loa/")) {
      switch (lower.substring("http://eidas.europa.eu/loa/".length())) {
        case "low":
          return TrustLevel.LOW;
        case "substantial":
          return TrustLevel.SUBSTANTIAL;
        case "high":
          return TrustLevel.HIGH;
        default:
          return null;
      }
    }
    return null;
  }

  private static String join(String a, String b) {
    return ((a == null ? "" : a.strip()) + " " + (b == null ? "" : b.strip())).strip();
  }
}
