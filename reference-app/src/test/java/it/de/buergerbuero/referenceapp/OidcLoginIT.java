package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The OIDC login (code flow with PKCE) against the same Keycloak realm playing BundID. */
@DisplayName("OIDC login against Keycloak")
class OidcLoginIT {

  @Test
  @DisplayName("citizen and company log in; the claims become the session")
  void claimsBecomeTheSession() throws Exception {
    JsonObject anna = new IdpBrowser().oidcLogin("anna").session();
    assertThat(anna.getString("role")).isEqualTo("applicant");
    assertThat(anna.getString("name")).isEqualTo("Anna Muster");
    assertThat(anna.getString("trustLevel")).isEqualTo("substantial");
    assertThat(anna.toString()).doesNotContain("bundid-bpk2");
    assertThat(new IdpBrowser().oidcLogin("firma").session().getString("applicantKind"))
        .isEqualTo("COMPANY");
  }

  @Test
  @DisplayName(
      "staff never log in through the citizens' OIDC client: the clerk's account is refused (no"
          + " bPK2), a citizen with a staff role claim is a citizen")
  void noStaffFromTheCitizensProvider() throws Exception {
    IdpBrowser clerk = new IdpBrowser();
    assertRefused(clerk, clerk.get(clerk.oidcCallbackUrl("clerk-gewerbe", "?next=%2F")));
    JsonObject mallory = new IdpBrowser().oidcLogin("mallory").session();
    assertThat(mallory.getString("role")).isEqualTo("applicant");
  }

  @Test
  @DisplayName(
      "clerks log in through the staff source's own OIDC client (/staff/oidc) with their"
          + " departments; a citizen and a clerk below the minimum trust level are refused there")
  void staffThroughTheStaffSource() throws Exception {
    IdpBrowser clerk = new IdpBrowser();
    HttpResponse<String> done =
        clerk.get(clerk.oidcCallbackUrl("/staff/oidc", "clerk-gewerbe", "?next=%2F"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    JsonObject session = clerk.session();
    assertThat(session.getString("role")).isEqualTo("staff");
    assertThat(session.getJsonArray("departments").toString()).isEqualTo("[\"gewerbe\"]");

    IdpBrowser anna = new IdpBrowser();
    assertRefused(anna, anna.get(anna.oidcCallbackUrl("/staff/oidc", "anna", "?next=%2F")));
    IdpBrowser weak = new IdpBrowser();
    assertRefused(
        weak, weak.get(weak.oidcCallbackUrl("/staff/oidc", "clerk-schwach", "?next=%2F")));
  }

  @Test
  @DisplayName("an OIDC session is an applicant like any other: applies with its CSRF token")
  void applies() throws Exception {
    IdpBrowser anna = new IdpBrowser().oidcLogin("anna");
    String body = "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + Api.PARKING + "}";
    HttpResponse<String> r = anna.api("POST", "/api/v1/applications", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    IdpBrowser ben = new IdpBrowser().oidcLogin("ben");
    assertProblem(ben.api("POST", "/api/v1/applications", body), 403, "BB-1010");
  }

  @Test
  @DisplayName("a replayed callback, an unknown state or a forged code are refused with 401")
  void forgedCallbacks() throws Exception {
    IdpBrowser b = new IdpBrowser();
    String callback = b.oidcCallbackUrl("anna", "?next=%2F");
    assertThat(b.get(callback).statusCode()).isEqualTo(200);

    IdpBrowser attacker = new IdpBrowser();
    assertRefused(attacker, attacker.get(callback)); // the state is used up
    String other = attacker.oidcCallbackUrl("ben", "?next=%2F");
    assertRefused(attacker, attacker.get(other.replaceAll("state=[^&]+", "state=forged")));
    String next = attacker.oidcCallbackUrl("ben", "?next=%2F");
    assertRefused(attacker, attacker.get(next.replaceAll("code=[^&]+", "code=forged")));
  }

  @Test
  @DisplayName(
      "login CSRF: the callback of an attacker's own login opened in a victim's browser is refused")
  void loginCsrfRefused() throws Exception {
    String planted = new IdpBrowser().oidcCallbackUrl("ben", "?next=%2F");
    IdpBrowser victim = new IdpBrowser();
    assertRefused(victim, victim.get(planted));
  }

  private static void assertRefused(IdpBrowser b, HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).contains("BB-1014");
    assertThat(b.session().getString("role")).isEqualTo("anonymous");
  }
}
