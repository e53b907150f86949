package de.buergerbuero.referenceapp;

import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.security.CallerResolver;
import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who is logged in, for the web front end: role, display name, trust level, departments, and the
 * CSRF token the browser sends with state-changing requests. Holds no identifiers: the pseudonymous
 * subject stays on the server.
 */
@Path("/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Sitzung", description = "Angemeldete Person / current login")
public class SessionResource {
  @Inject CallerResolver callers;
  @Context HttpServletRequest request;

  @Inject DevelopmentLogin development;
  @Inject SamlLogin saml;

  private static final String LOGOUT_URL = "/logout";

  /**
   * The current login.
   *
   * @param role {@code anonymous}, {@code applicant} or {@code staff}
   * @param applicantKind {@code CITIZEN} or {@code COMPANY} for applicants
   * @param trustLevel eIDAS level of an applicant's login (none, low, substantial, high)
   * @param csrfToken to send as {@code X-CSRF-Token}; null when nobody is logged in
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
      String logoutUrl) {}

  @GET
  @Operation(summary = "Angemeldete Person und CSRF-Token / current login and CSRF token")
  public Response current() {
    Caller caller = callers.current();
    // the development login page offers the SAML login too; without it, SAML is the login
    String loginUrl = development.enabled() || !saml.enabled() ? "/login" : "/saml/login";
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
              logoutUrl);
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
              logoutUrl);
    } else {
      view = new SessionView("anonymous", null, null, null, List.of(), false, null, loginUrl, null);
    }
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(view).cacheControl(noStore).build();
  }
}
