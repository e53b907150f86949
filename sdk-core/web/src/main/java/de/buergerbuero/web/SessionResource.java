package de.buergerbuero.web;

import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.security.CallerResolver;
import de.buergerbuero.kernel.spi.login.RealLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who is logged in, for the web front end: role, display name, trust level, departments, and the
 * CSRF token the browser sends with state-changing requests. Holds no identifiers: the pseudonymous
 * subject stays on the server.
 */
@Path("/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Session",
    description = "Angemeldete Person und CSRF-Token / current login and CSRF token",
    extensions = @Extension(name = "x-displayName", value = "Sitzung"))
public class SessionResource {
  @Inject CallerResolver callers;
  @Context HttpServletRequest request;

  @Inject DevelopmentLogin development;
  @Inject Instance<RealLogin> realLogins;

  private static final String LOGOUT_URL = "/logout";

  /**
   * The current login.
   *
   * @param role {@code anonymous}, {@code applicant} or {@code staff}
   * @param applicantKind {@code CITIZEN} or {@code COMPANY} for applicants
   * @param trustLevel eIDAS level of an applicant's login (none, low, substantial, high)
   * @param csrfToken to send as {@code X-CSRF-Token}; null when nobody is logged in
   * @param features the sub-projects of this deployment (applications, appointments, indoor)
   */
  public record SessionView(
      String role,
      String name,
      String applicantKind,
      String trustLevel,
      List<String> departments,
      boolean admin,
      String csrfToken,
      String loginUrl,
      String logoutUrl,
      List<String> features) {}

  /** The sub-projects on the class path, so the front end offers only what is there. */
  static final List<String> FEATURES = features();

  private static List<String> features() {
    java.util.List<String> present = new java.util.ArrayList<>();
    String[][] probes = {
      {"applications", "de.buergerbuero.applications.rest.ServiceResource"},
      {"appointments", "de.buergerbuero.appointments.AppointmentResource"},
      {"indoor", "de.buergerbuero.indoor.rest.IndoorResource"}
    };
    for (String[] probe : probes) {
      try {
        Class.forName(probe[1], false, SessionResource.class.getClassLoader());
        present.add(probe[0]);
      } catch (ClassNotFoundException e) {
        // not part of this deployment
      }
    }
    return List.copyOf(present);
  }

  @GET
  @Operation(
      operationId = "getSession",
      extensions = @Extension(name = "x-access", value = "public"),
      summary = "Angemeldete Person und CSRF-Token / current login and CSRF token")
  public Response current() {
    Caller caller = callers.current();
    // the development login page links to the real logins too; without it, the first real login
    String loginUrl =
        development.enabled()
            ? "/login"
            : realLogins.stream()
                .filter(RealLogin::enabled)
                .map(RealLogin::loginPath)
                .findFirst()
                .orElse("/login");
    String logoutUrl = LOGOUT_URL;
    SessionView view;
    if (caller instanceof Caller.ApplicantCaller a) {
      view =
          new SessionView(
              "applicant",
              a.applicant().displayName(),
              a.applicant().kind().name(),
              a.trustLevel().eidasLevel(),
              List.of(),
              false,
              BrowserSession.csrfToken(request),
              loginUrl,
              logoutUrl,
              FEATURES);
    } else if (caller instanceof Caller.StaffCaller s) {
      view =
          new SessionView(
              "staff",
              s.displayName(),
              null,
              null,
              s.departments().stream().sorted().toList(),
              s.admin(),
              BrowserSession.csrfToken(request),
              loginUrl,
              logoutUrl,
              FEATURES);
    } else {
      view =
          new SessionView(
              "anonymous", null, null, null, List.of(), false, null, loginUrl, null, FEATURES);
    }
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(view).cacheControl(noStore).build();
  }
}
