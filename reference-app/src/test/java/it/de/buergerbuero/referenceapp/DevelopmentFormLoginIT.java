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
    // the trust level chosen at login applies: ben may now apply for a 'substantial' service
    HttpResponse<String> applied =
        browser.send(
            HttpRequest.newBuilder(URI.create(BASE + "/api/v1/applications"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + PARKING + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);

    assertThat(post("/logout", "").statusCode()).isEqualTo(302);
    assertProblem(get("/api/v1/applications"), 401, "BB-1006");
  }
}
