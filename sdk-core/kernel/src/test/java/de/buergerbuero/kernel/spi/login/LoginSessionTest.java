package de.buergerbuero.kernel.spi.login;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.model.Applicant;
import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginSessionTest {
  private static final Caller ANNA =
      new Caller.ApplicantCaller(
          new Applicant("bpk2-anna", ApplicantKind.CITIZEN, "Anna Muster", "postfach-anna"),
          TrustLevel.SUBSTANTIAL);

  /** One browser: its current session (attributes, or null when there is none). */
  static final class Browser {
    Map<String, Object> session;
    final Map<String, String> headers = new HashMap<>();
    final StringWriter body = new StringWriter();
    int status;
    int sessionsStarted;

    HttpServletRequest request() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (proxy, method, args) -> {
                if (!method.getName().equals("getSession")) {
                  throw new UnsupportedOperationException(method.getName());
                }
                boolean create = args == null || (Boolean) args[0];
                if (session == null && create) {
                  session = new HashMap<>();
                  sessionsStarted++;
                }
                return session == null ? null : session(session);
              });
    }

    private HttpSession session(Map<String, Object> attributes) {
      return (HttpSession)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpSession.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "invalidate" -> {
                      attributes.clear();
                      if (session == attributes) {
                        session = null;
                      }
                      yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }

    HttpServletResponse response() {
      PrintWriter writer = new PrintWriter(body);
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "setStatus" -> {
                      status = (Integer) args[0];
                      yield null;
                    }
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "getWriter" -> writer;
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }
  }

  @Nested
  @DisplayName("the hand-over after a login")
  class HandOver {
    @Test
    @DisplayName("a session chosen before the login is ended and the caller lands in a new one")
    void renewsTheSession() throws Exception {
      Browser browser = new Browser();
      HttpServletRequest request = browser.request();
      request.getSession(true).setAttribute("planted", "by an attacker");
      Map<String, Object> before = browser.session;

      LoginPages.loggedIn(request, browser.response(), ANNA, "/antraege/MS-2025-7");

      assertThat(browser.sessionsStarted).isEqualTo(2);
      assertThat(browser.session).isNotSameAs(before).doesNotContainKey("planted");
      assertThat(browser.session).containsEntry(LoginSession.CALLER, ANNA);
      assertThat(LoginSession.CALLER).isEqualTo("buergerbuero.login");
    }

    @Test
    @DisplayName("the browser continues to the requested path with a page, never off-site")
    void continuesToTheSafePath() throws Exception {
      Browser browser = new Browser();
      LoginPages.loggedIn(browser.request(), browser.response(), ANNA, "/termine?x=\"1\"");
      assertThat(browser.status).isEqualTo(200);
      assertThat(browser.headers).containsEntry("Cache-Control", "no-store");
      assertThat(browser.body.toString())
          .contains("content=\"0;url=/termine?x=&quot;1&quot;\"")
          .contains("href=\"/termine?x=&quot;1&quot;\"");

      Browser evil = new Browser();
      LoginPages.loggedIn(evil.request(), evil.response(), ANNA, "https://evil.example/");
      assertThat(evil.body.toString()).contains("content=\"0;url=/\"").doesNotContain("evil");
    }
  }

  @Nested
  @DisplayName("the pages of a failed login")
  class Failures {
    @Test
    @DisplayName("a refused answer is 401 with BB-1014, German first, English second, a retry link")
    void refused() throws Exception {
      Browser browser = new Browser();
      LoginPages.refused(browser.response(), "/saml/login");
      String page = browser.body.toString();
      assertThat(browser.status).isEqualTo(401);
      assertThat(page).contains("<html lang=\"de\"", "BB-1014", "href=\"/saml/login\"");
      assertThat(page.indexOf("Die Anmeldung wurde abgelehnt"))
          .isLessThan(page.indexOf("The login was refused"));
      assertThat(browser.session).isNull();
    }

    @Test
    @DisplayName("an unusable identity provider is 503, a malformed start 400, both without retry")
    void unavailableAndInvalid() throws Exception {
      Browser down = new Browser();
      LoginPages.unavailable(down.response());
      assertThat(down.status).isEqualTo(503);
      assertThat(down.body.toString())
          .contains("nicht möglich", "not possible")
          .doesNotContain("Neu anmelden");

      Browser invalid = new Browser();
      LoginPages.invalid(invalid.response());
      assertThat(invalid.status).isEqualTo(400);
      assertThat(invalid.body.toString()).contains("Ungültige Anfrage.", "Invalid request.");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "relative",
        "/with space",
        "/tab\there",
        "/new\nline",
        ""
      })
  @DisplayName("a next path that could leave the site or split a header becomes /")
  void unsafeNext(String next) {
    assertThat(LoginSession.safeNext(next)).isEqualTo("/");
  }

  @Test
  @DisplayName("a same-site path is kept as it is; none and very long ones become /")
  void safeNext() {
    assertThat(LoginSession.safeNext("/antraege/MS-2025-7?tab=status#verlauf"))
        .isEqualTo("/antraege/MS-2025-7?tab=status#verlauf");
    assertThat(LoginSession.safeNext(null)).isEqualTo("/");
    assertThat(LoginSession.safeNext("/" + "a".repeat(500))).isEqualTo("/");
  }
}
