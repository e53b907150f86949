package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real login: SAML 2.0 with Keycloak 26.4.7 playing BundID (bin/keycloak, realm file
 * src/test/keycloak/bundid-realm.json), through the redirects and forms a browser would follow,
 * then the authorisation matrix with those sessions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SAML login against Keycloak playing BundID, and the authorisation matrix")
class SamlLoginIT {
  private static final String GEWERBE =
      "{\"businessName\":\"Musterbau GmbH\",\"activity\":\"Hochbau\",\"start\":\"2027-01-01\","
          + "\"address\":{\"street\":\"Industriestr. 5\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}}";
  private static final List<String> USERS =
      List.of("anna", "ben", "firma", "clerk-ordnung", "clerk-gewerbe", "admin");

  /** Clerks and admins log in through the staff identity source (/staff/saml), never /saml. */
  private static final List<String> STAFF = List.of("clerk-ordnung", "clerk-gewerbe", "admin");

  private final Map<String, IdpBrowser> as = new HashMap<>();

  @BeforeAll
  void loginEveryone() throws Exception {
    for (String user : USERS) {
      as.put(
          user,
          STAFF.contains(user) ? new IdpBrowser().staffLogin(user) : new IdpBrowser().login(user));
    }
  }

  @Test
  @DisplayName(
      "the BundID attributes become the session (citizen, company); the staff source's the session"
          + " of clerk and admin")
  void attributesBecomeTheSession() throws Exception {
    JsonObject anna = as.get("anna").session();
    assertThat(anna.getString("role")).isEqualTo("applicant");
    assertThat(anna.getString("name")).isEqualTo("Anna Muster");
    assertThat(anna.getString("applicantKind")).isEqualTo("CITIZEN");
    assertThat(anna.getString("trustLevel")).isEqualTo("substantial");
    assertThat(anna.toString()).doesNotContain("bundid-bpk2", "1985-04-12", "anna@example.org");

    assertThat(as.get("ben").session().getString("trustLevel")).isEqualTo("none");
    JsonObject firma = as.get("firma").session();
    assertThat(firma.getString("applicantKind")).isEqualTo("COMPANY");
    assertThat(firma.getString("name")).isEqualTo("Musterbau GmbH (HRB 12345)");
    JsonObject clerk = as.get("clerk-ordnung").session();
    assertThat(clerk.getString("role")).isEqualTo("staff");
    assertThat(clerk.getJsonArray("departments").toString()).isEqualTo("[\"ordnungsamt\"]");
    assertThat(clerk.getBoolean("admin")).isFalse();
    assertThat(as.get("admin").session().getBoolean("admin")).isTrue();
  }

  @Test
  @DisplayName("the session cookie is HttpOnly and SameSite=Strict; posts need the CSRF token")
  void cookiesAndCsrf() throws Exception {
    IdpBrowser b = new IdpBrowser();
    IdpBrowser.IdpAnswer answer = b.loginAtIdp("anna", "?next=%2F");
    HttpResponse<String> acs = b.post(answer, answer.samlResponse());
    assertThat(acs.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    assertThat(acs.body()).contains("url=/");
    String body = "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + Api.PARKING + "}";
    assertProblem(b.api("POST", "/api/v1/applications", body), 403, "BB-1013");
    b.csrfToken = b.session().getString("csrfToken");
    assertThat(b.api("POST", "/api/v1/applications", body).statusCode()).isEqualTo(201);
    HttpResponse<String> home = b.get("/");
    assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'", "default-src 'self'");
    assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  @DisplayName(
      "AuthnRequests are signed: Keycloak, which requires it, shows its login page for them and"
          + " refuses a request whose signed parameters were changed")
  void signedAuthnRequests() throws Exception {
    IdpBrowser b = new IdpBrowser();
    String url = b.get("/saml/login?next=%2F").headers().firstValue("Location").orElseThrow();
    assertThat(url).contains("&SigAlg=", "&Signature=");
    assertThat(b.follow(b.get(url)).body()).contains("kc-form-login");
    String forged = url.replaceFirst("RelayState=[^&]+", "RelayState=forged");
    HttpResponse<String> refused = b.follow(b.get(forged));
    assertThat(refused.body()).doesNotContain("kc-form-login", "SAMLResponse");
  }

  @Test
  @DisplayName(
      "step-up: ben's level is too low (403 BB-1010 naming the level); the login restarts asking"
          + " the IdP for STORK-QAA-Level-3; hanna at level 4 may apply")
  void stepUp() throws Exception {
    IdpBrowser ben = as.get("ben");
    String body = "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + Api.PARKING + "}";
    JsonObject problem =
        assertProblem(ben.api("POST", "/api/v1/applications", body), 403, "BB-1010");
    assertThat(problem.getString("requiredTrustLevel")).isEqualTo("substantial");

    IdpBrowser.IdpAnswer again = ben.loginAtIdp("ben", "?trustLevel=substantial&next=%2F");
    assertThat(inflate(again.authnRequestUrl()))
        .contains("RequestedAuthnContext Comparison=\"minimum\"", "STORK-QAA-Level-3");
    assertThat(ben.post(again, again.samlResponse()).statusCode()).isEqualTo(200);
    ben.csrfToken = ben.session().getString("csrfToken");
    // the IdP vouches only for what ben's account has: still too low
    assertProblem(ben.api("POST", "/api/v1/applications", body), 403, "BB-1010");

    IdpBrowser hanna = new IdpBrowser().login("hanna");
    assertThat(hanna.session().getString("trustLevel")).isEqualTo("high");
    assertThat(hanna.api("POST", "/api/v1/applications", body).statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName(
      "authorisation matrix: own applications only, clerks see their department only, the admin"
          + " all; someone else's application is 404, the wrong role 403, nobody 401")
  void authorisationMatrix() throws Exception {
    String annaApp =
        created(
            as.get("anna")
                .api(
                    "POST",
                    "/api/v1/applications",
                    "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + Api.PARKING + "}"));
    String firmaApp =
        created(
            as.get("firma")
                .api(
                    "POST",
                    "/api/v1/applications",
                    "{\"serviceId\":\"gewerbeanmeldung\",\"formData\":" + GEWERBE + "}"));
    // a company cannot use a citizen-only service
    assertThat(
            as.get("firma")
                .api(
                    "POST",
                    "/api/v1/applications",
                    "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + Api.PARKING + "}")
                .statusCode())
        .isEqualTo(403);

    Map<String, Map<String, Integer>> applicantView =
        Map.of(
            annaApp, Map.of("anna", 200, "ben", 404, "firma", 404),
            firmaApp, Map.of("anna", 404, "ben", 404, "firma", 200));
    Map<String, Map<String, Integer>> staffView =
        Map.of(
            annaApp, Map.of("clerk-ordnung", 200, "clerk-gewerbe", 404, "admin", 200),
            firmaApp, Map.of("clerk-ordnung", 404, "clerk-gewerbe", 200, "admin", 200));
    int checked = 0;
    for (String app : List.of(annaApp, firmaApp)) {
      for (String user : USERS) {
        IdpBrowser b = as.get(user);
        Integer own = applicantView.get(app).get(user);
        int applicantStatus = b.api("GET", "/api/v1/applications/" + app, null).statusCode();
        assertThat(applicantStatus)
            .as("%s reads %s as applicant", user, app)
            .isEqualTo(own == null ? 403 : own);
        Integer staff = staffView.get(app).get(user);
        int staffStatus = b.api("GET", "/api/v1/staff/applications/" + app, null).statusCode();
        assertThat(staffStatus)
            .as("%s reads %s as staff", user, app)
            .isEqualTo(staff == null ? 403 : staff);
        int auditStatus =
            b.api("GET", "/api/v1/staff/applications/" + app + "/audit", null).statusCode();
        assertThat(auditStatus)
            .as("%s reads the audit of %s", user, app)
            .isEqualTo(staff == null ? 403 : staff);
        checked += 3;
      }
      assertThat(new IdpBrowser().api("GET", "/api/v1/applications/" + app, null).statusCode())
          .isEqualTo(401);
    }
    // changing someone else's application: withdrawing and deciding
    assertThat(
            as.get("ben")
                .api("POST", "/api/v1/applications/" + annaApp + "/withdraw", null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            as.get("clerk-gewerbe")
                .api(
                    "POST",
                    "/api/v1/staff/applications/" + annaApp + "/transitions",
                    "{\"to\":\"IN_PROGRESS\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(as.get("anna").api("GET", "/api/v1/admin/outbox", null).statusCode()).isEqualTo(403);
    assertThat(as.get("clerk-ordnung").api("GET", "/api/v1/admin/outbox", null).statusCode())
        .isEqualTo(403);
    assertThat(as.get("admin").api("GET", "/api/v1/admin/outbox", null).statusCode())
        .isEqualTo(200);
    assertThat(checked).isEqualTo(36);
  }

  @Test
  @DisplayName(
      "Keycloak encrypts the assertion (AES-256-GCM, RSA-OAEP) and the portal decrypts it; an"
          + " altered ciphertext, a replayed answer or one for another request is refused with"
          + " 401, and nobody is logged in")
  void forgedAnswersAreRefused() throws Exception {
    IdpBrowser b = new IdpBrowser();
    IdpBrowser.IdpAnswer answer = b.loginAtIdp("anna", "?next=%2F");
    String xml = decode(answer.samlResponse());
    assertThat(xml)
        .contains("EncryptedAssertion", "xmlenc11#aes256-gcm", "xmlenc11#rsa-oaep")
        .doesNotContain("bundid-bpk2-anna-7f3a", "Anna");
    String cipher = IdpBrowser.find(xml, "<(?:\\w+:)?CipherValue>([^<]{40})");
    String flipped =
        cipher.substring(0, 20) + (cipher.charAt(20) == 'A' ? 'B' : 'A') + cipher.substring(21);
    assertRefused(b, b.post(answer, encode(xml.replace(cipher, flipped))));

    answer = b.loginAtIdp("anna", "?next=%2F");
    assertThat(b.post(answer, answer.samlResponse()).statusCode()).isEqualTo(200);
    IdpBrowser attacker = new IdpBrowser();
    assertRefused(attacker, attacker.post(answer, answer.samlResponse())); // same RelayState again
    IdpBrowser.IdpAnswer fresh = attacker.loginAtIdp("ben", "?next=%2F");
    assertRefused(attacker, attacker.post(fresh, answer.samlResponse())); // answers another request
  }

  @Test
  @DisplayName(
      "single logout started by the portal: the session ends here and at Keycloak (the next login"
          + " asks for the password again)")
  void spInitiatedSingleLogout() throws Exception {
    IdpBrowser b = new IdpBrowser().login("anna");
    HttpResponse<String> start = b.get("/saml/logout");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
    String logoutRequest = start.headers().firstValue("Location").orElseThrow();
    assertThat(logoutRequest).contains("SAMLRequest=", "&Signature=");
    assertThat(b.session().getString("role")).isEqualTo("anonymous");
    HttpResponse<String> back = b.follow(b.get(logoutRequest));
    if (back.body().contains("SAMLResponse") && !back.uri().getPath().equals("/saml/slo")) {
      // Keycloak answers by the POST binding (it forces POST for this client)
      back =
          b.postForm(
              IdpBrowser.unescape(
                  IdpBrowser.find(
                      IdpBrowser.find(back.body(), "<form([^>]*)>"), "action=\"([^\"]+)\"")),
              Map.of(
                  "SAMLResponse",
                  IdpBrowser.unescape(
                      IdpBrowser.find(back.body(), "name=\"SAMLResponse\" value=\"([^\"]+)\"")),
                  "RelayState",
                  IdpBrowser.unescape(
                      IdpBrowser.find(back.body(), "name=\"RelayState\" value=\"([^\"]+)\""))));
    }
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    assertThat(back.body()).contains("Abgemeldet");
    String again = b.get("/saml/login?next=%2F").headers().firstValue("Location").orElseThrow();
    assertThat(b.follow(b.get(again)).body()).contains("kc-form-login");
  }

  @Test
  @DisplayName(
      "login CSRF: an attacker's own valid IdP answer planted into a victim's browser is refused;"
          + " the login is bound to the browser that started it by a pre-login cookie")
  void loginCsrfRefused() throws Exception {
    IdpBrowser attacker = new IdpBrowser();
    IdpBrowser.IdpAnswer answer = attacker.loginAtIdp("ben", "?next=%2F");
    IdpBrowser victim = new IdpBrowser();
    assertRefused(victim, victim.post(answer, answer.samlResponse()));

    IdpBrowser b = new IdpBrowser();
    HttpResponse<String> start = b.get("/saml/login?next=%2F");
    assertThat(start.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).contains("bb_saml_login=", "Path=/saml/acs", "HttpOnly"));
  }

  @Test
  @DisplayName(
      "login starts are limited per client (buergerbuero.login.starts-per-minute, here 10): one"
          + " client starting logins in a loop gets 429, another client still logs in")
  void loginStartsLimitedPerClient() throws Exception {
    IdpBrowser flood = new IdpBrowser();
    int started = 0;
    HttpResponse<String> refused = null;
    for (int i = 0; i < 30 && refused == null; i++) {
      // SAML and OIDC starts share one allowance
      HttpResponse<String> r = flood.get((i % 2 == 0 ? "/saml" : "/oidc") + "/login?next=%2F");
      if (r.statusCode() == 302) {
        started++;
      } else {
        refused = r;
      }
    }
    // 10 per minute window; at most 20 when the loop happens to cross a minute
    assertThat(refused).as("a flood of login starts is refused").isNotNull();
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(started).isBetween(10, 20);
    assertThat(new IdpBrowser().login("anna").session().getString("role")).isEqualTo("applicant");
  }

  @Test
  @DisplayName(
      "staff never come from the citizens' IdP: the admin's account through /saml is refused (no"
          + " bPK2), a citizen whose IdP account says rolle=admin is a citizen; the staff source"
          + " refuses a citizen and a clerk below its minimum trust level")
  void citizenIdpNeverYieldsStaff() throws Exception {
    IdpBrowser admin = new IdpBrowser();
    IdpBrowser.IdpAnswer answer = admin.loginAtIdp("admin", "?next=%2F");
    assertRefused(admin, admin.post(answer, answer.samlResponse()));

    IdpBrowser mallory = new IdpBrowser().login("mallory");
    JsonObject session = mallory.session();
    assertThat(session.getString("role")).isEqualTo("applicant");
    assertThat(mallory.api("GET", "/api/v1/admin/outbox", null).statusCode()).isEqualTo(403);
    assertThat(mallory.api("GET", "/api/v1/staff/inbox", null).statusCode()).isEqualTo(403);

    IdpBrowser anna = new IdpBrowser();
    IdpBrowser.IdpAnswer citizenAtStaff = anna.loginAtIdp("/staff/saml", "anna", "?next=%2F");
    assertRefused(anna, anna.post(citizenAtStaff, citizenAtStaff.samlResponse()));
    IdpBrowser weak = new IdpBrowser();
    IdpBrowser.IdpAnswer weakClerk = weak.loginAtIdp("/staff/saml", "clerk-schwach", "?next=%2F");
    assertRefused(weak, weak.post(weakClerk, weakClerk.samlResponse()));
  }

  @Test
  @DisplayName("a logout request not signed by the IdP is refused and ends no session")
  void forgedLogoutRequestRefused() throws Exception {
    IdpBrowser anna = new IdpBrowser().login("anna");
    IdpBrowser attacker = new IdpBrowser();
    String forged =
        "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
            + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_f1\" Version=\"2.0\""
            + " IssueInstant=\""
            + java.time.Instant.now()
            + "\" Destination=\"http://localhost:9080/saml/slo\"><saml:Issuer>"
            + "http://127.0.0.1:8180/realms/bundid</saml:Issuer><saml:NameID>x</saml:NameID>"
            + "</samlp:LogoutRequest>";
    HttpResponse<String> r = attacker.postForm("/saml/slo", Map.of("SAMLRequest", encode(forged)));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(anna.session().getString("role")).isEqualTo("applicant");
  }

  private static void assertRefused(IdpBrowser b, HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).contains("BB-1014");
    assertThat(b.session().getString("role")).isEqualTo("anonymous");
  }

  private static String created(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Api.object(r).getString("id");
  }

  private static String decode(String base64) {
    return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static String encode(String xml) {
    return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String inflate(String redirectUrl) throws Exception {
    String value =
        URLDecoder.decode(
            redirectUrl.replaceAll(".*[?&]SAMLRequest=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    Inflater inflater = new Inflater(true);
    inflater.setInput(Base64.getDecoder().decode(value));
    byte[] out = new byte[16384];
    return new String(out, 0, inflater.inflate(out), StandardCharsets.UTF_8);
  }
}
