package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Form login of the development login")
class DevelopmentFormLoginIT {
  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private HttpResponse<String> post(String path, String form) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(BASE + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String body, String csrfToken) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + "/api/v1/applications"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (csrfToken != null) {
      request.header("X-CSRF-Token", csrfToken);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("login returns only to a path of this site")
  void loginReturnsToLocalPathsOnly() throws Exception {
    assertThat(
            post("/login", "username=anna&password=anna&next=%2F%23%2Fantraege")
                .headers()
                .firstValue("Location"))
        .hasValue("/#/antraege");
    for (String hostile : new String[] {"https://evil.example/", "//evil.example/", "/\\evil"}) {
      String encoded = java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8);
      assertThat(
              post("/login", "username=anna&password=anna&next=" + encoded)
                  .headers()
                  .firstValue("Location"))
          .as(hostile)
          .hasValue("/");
    }
  }

  @Test
  @DisplayName("a citizen logs in with the form, uses the API with the session and logs out")
  void loginSessionLogout() throws Exception {
    HttpResponse<String> form = get("/login");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<label for=\"username\">", "name=\"password\"");

    HttpResponse<String> wrong = post("/login", "username=anna&password=falsch");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("role=\"alert\"");
    assertProblem(get("/api/v1/applications"), 401, "BB-1006");

    HttpResponse<String> ok = post("/login", "username=ben&password=ben&trustLevel=substantial");
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    assertThat(get("/api/v1/applications").statusCode()).isEqualTo(200);
    HttpResponse<String> session = get("/api/v1/session");
    assertThat(session.body())
        .contains("\"role\":\"applicant\"", "\"trustLevel\":\"substantial\"")
        .doesNotContain("bpk2");
    String token = session.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");

    // a state-changing request of the browser session needs the session's CSRF token
    String body = "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + PARKING + "}";
    assertProblem(postJson(body, null), 403, "BB-1013");
    assertProblem(postJson(body, "forged-" + token), 403, "BB-1013");
    // the trust level chosen at login applies: ben may now apply for a 'substantial' service
    HttpResponse<String> applied = postJson(body, token);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);

    assertProblem(post("/logout", ""), 403, "BB-1013");
    HttpResponse<String> logout = post("/logout", "_csrf=" + token);
    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(logout.headers().firstValue("Location")).hasValue("/");
    assertProblem(get("/api/v1/applications"), 401, "BB-1006");
  }
}
