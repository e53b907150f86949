package de.buergerbuero.web;

import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.model.Applicant;
import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.profile.DeploymentProfile;
import de.buergerbuero.kernel.security.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The development login of the embedded default. Liberty authenticates the user against the basic
 * registry in {@code dev-login.xml}; this class maps the account to a caller with a fixed profile.
 * The trust level of a citizen can be chosen per request with the header {@value #TRUST_HEADER}
 * (none/low/substantial/high), to try out step-up. It answers only under the explicit development
 * profile ({@code buergerbuero.profile=development}, ADR 0015) and can be switched off there with
 * {@code buergerbuero.login.development=false}; with any other or no profile it never answers, and
 * the server refuses to start when {@code buergerbuero.login.development=true} is set explicitly.
 */
@ApplicationScoped
public class DevelopmentLogin {
  public static final String TRUST_HEADER = "X-Development-Trust-Level";

  private static final Map<String, Caller> ACCOUNTS =
      Map.of(
          "anna",
          applicant(
              "dev-bpk2-anna",
              ApplicantKind.CITIZEN,
              "Anna Muster",
              "6b8e2b1c-3f8d-4a51-9d0e-2f1f3c7a9e10",
              TrustLevel.SUBSTANTIAL),
          "ben",
          applicant("dev-bpk2-ben", ApplicantKind.CITIZEN, "Ben Beispiel", null, TrustLevel.NORMAL),
          "firma",
          applicant(
              "dev-unternehmen-firma",
              ApplicantKind.COMPANY,
              "Musterbau GmbH",
              null,
              TrustLevel.SUBSTANTIAL),
          "clerk-ordnung",
          new Caller.StaffCaller("clerk-ordnung", "Olga Ordnung", Set.of("ordnungsamt"), false),
          "clerk-gewerbe",
          new Caller.StaffCaller("clerk-gewerbe", "Gerd Gewerbe", Set.of("gewerbe"), false),
          "admin",
          new Caller.StaffCaller("admin", "Ada Admin", Set.of(), true));

  @Inject
  @ConfigProperty(name = DeploymentProfile.KEY)
  Optional<String> profile;

  @Inject
  @ConfigProperty(name = "buergerbuero.login.development")
  Optional<Boolean> enabled;

  /**
   * Stops the deployment before anything else when the development login is asked for outside the
   * development profile.
   */
  void refuseInProduction(@Observes @Priority(1) Startup startup) {
    DeploymentProfile deployment = DeploymentProfile.of(profile);
    if (!deployment.isDevelopment() && enabled.orElse(false)) {
      throw new ConfigurationException(
          "The development login runs only with buergerbuero.profile=development, not with "
              + deployment.describe()
              + ": set buergerbuero.login.development=false (or leave it out) and configure the"
              + " real login (buergerbuero.login.saml.*, connector-servicekonto).");
    }
  }

  /** Whether the development login answers: only under the development profile. */
  public boolean enabled() {
    return DeploymentProfile.of(profile).isDevelopment() && enabled.orElse(true);
  }

  /** The caller of the development login: HTTP Basic or the form login's session. */
  public Caller resolve(HttpServletRequest request) {
    if (!enabled()) {
      return new Caller.Anonymous();
    }
    Principal principal = request.getUserPrincipal();
    HttpSession session = principal == null ? request.getSession(false) : null;
    String account =
        principal != null
            ? principal.getName()
            : session == null ? null : (String) session.getAttribute(BrowserSession.USER);
    Caller caller = account == null ? null : ACCOUNTS.get(account);
    if (caller == null) {
      return new Caller.Anonymous();
    }
    String chosen = request.getHeader(TRUST_HEADER);
    if (chosen == null && session != null) {
      chosen = (String) session.getAttribute(BrowserSession.TRUST);
    }
    if (caller instanceof Caller.ApplicantCaller a && chosen != null && !chosen.isBlank()) {
      try {
        return new Caller.ApplicantCaller(a.applicant(), TrustLevel.ofEidasLevel(chosen));
      } catch (RuntimeException ignored) {
        return a;
      }
    }
    return caller;
  }

  /** The HTTP Basic challenge for API clients (none for the web front end). */
  public Optional<String> authenticationChallenge(HttpServletRequest request) {
    if (!enabled() || (request != null && request.getHeader("X-Requested-With") != null)) {
      return Optional.empty(); // the web front end shows its own login page, not a browser dialog
    }
    return Optional.of("Basic realm=\"Buergerbuero-Entwicklung\"");
  }

  private static Caller applicant(
      String subject, ApplicantKind kind, String name, String postbox, TrustLevel level) {
    return new Caller.ApplicantCaller(new Applicant(subject, kind, name, postbox), level);
  }
}
