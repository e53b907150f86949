package it.de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: follows redirects and posts forms through the real SAML flow — the
 * reference app's /saml/login, Keycloak's login page (playing BundID), Keycloak's auto-posting form
 * back to /saml/acs — and keeps the cookies. Talks to the app as {@code localhost}, the host
 * registered at the IdP, so the session cookie is sent back.
 */
final class IdpBrowser {
  static final String APP = "http://localhost:" + System.getProperty("http.port", "9080");

  /** The IdP's answer before it is posted to the app. */
  record IdpAnswer(String acs, String samlResponse, String relayState, String authnRequestUrl) {}

  final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager(plainHttpCookies(), CookiePolicy.ACCEPT_ORIGINAL_SERVER))
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  String csrfToken;

  /**
   * This browser's own address as the reverse proxy forwards it (the tests play a trusted proxy,
   * {@code buergerbuero.login.trusted-proxies}): each browser is a client of its own for the
   * per-client limit of login starts.
   */
  final String address = nextAddress();

  private static final java.util.concurrent.atomic.AtomicInteger BROWSERS =
      new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(10_000));

  /** A distinct address per browser (198.18.0.0/15, the benchmarking range). */
  private static String nextAddress() {
    int n = BROWSERS.incrementAndGet() % 60_000;
    return "198." + (18 + n / 30_000) + "." + (n % 30_000) / 250 + "." + (1 + n % 250);
  }

  /** A request; to the app it carries this browser's forwarded address. */
  private HttpRequest.Builder request(String url) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : APP + url))
            .timeout(Duration.ofSeconds(30));
    if (!url.startsWith("http") || url.startsWith(APP)) {
      b.header("X-Forwarded-For", address);
    }
    return b;
  }

  /**
   * Keycloak marks its cookies Secure even on plain http (the test IdP on loopback); a browser
   * treats localhost as a secure context and sends them, Java's cookie manager does not. This store
   * forgets the flag, as the browser effectively does here.
   */
  private static CookieStore plainHttpCookies() {
    CookieStore store = new CookieManager().getCookieStore();
    return new CookieStore() {
      @Override
      public void add(URI uri, HttpCookie cookie) {
        cookie.setSecure(false);
        store.add(uri, cookie);
      }

      @Override
      public List<HttpCookie> get(URI uri) {
        return store.get(uri);
      }

      @Override
      public List<HttpCookie> getCookies() {
        return store.getCookies();
      }

      @Override
      public List<URI> getURIs() {
        return store.getURIs();
      }

      @Override
      public boolean remove(URI uri, HttpCookie cookie) {
        return store.remove(uri, cookie);
      }

      @Override
      public boolean removeAll() {
        return store.removeAll();
      }
    };
  }

  HttpResponse<String> get(String url) throws Exception {
    return http.send(request(url).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        request(url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON request of the logged-in browser session, with its CSRF token. */
  HttpResponse<String> api(String method, String path, String json) throws Exception {
    HttpRequest.Builder b = request(path).header("Accept", "application/json");
    if (csrfToken != null) {
      b.header("X-CSRF-Token", csrfToken);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Runs the flow up to the IdP's answer, logging in at Keycloak when it asks. */
  IdpAnswer loginAtIdp(String user, String query) throws Exception {
    return loginAtIdp("/saml", user, query);
  }

  /** The same through the SAML source at {@code base} ({@code /saml} or {@code /staff/saml}). */
  IdpAnswer loginAtIdp(String base, String user, String query) throws Exception {
    HttpResponse<String> start = get(base + "/login" + query);
    assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
    String authnRequestUrl = start.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> page = follow(get(authnRequestUrl));
    if (!page.body().contains("SAMLResponse")) {
      String form = find(page.body(), "<form([^>]*kc-form-login[^>]*)>");
      String action = unescape(find(form, "action=\"([^\"]+)\""));
      page =
          follow(postForm(action, Map.of("username", user, "password", user, "credentialId", "")));
    }
    assertThat(page.body()).as("Keycloak answers with the SAML POST form").contains("SAMLResponse");
    return new IdpAnswer(
        unescape(find(find(page.body(), "<form([^>]*)>"), "action=\"([^\"]+)\"")),
        unescape(find(page.body(), "name=\"SAMLResponse\" value=\"([^\"]+)\"")),
        unescape(find(page.body(), "name=\"RelayState\" value=\"([^\"]+)\"")),
        authnRequestUrl);
  }

  /** Runs the OIDC flow up to the redirect back to the app (not followed): its URL. */
  String oidcCallbackUrl(String user, String query) throws Exception {
    return oidcCallbackUrl("/oidc", user, query);
  }

  /** The same through the OIDC source at {@code base} ({@code /oidc} or {@code /staff/oidc}). */
  String oidcCallbackUrl(String base, String user, String query) throws Exception {
    HttpResponse<String> start = get(base + "/login" + query);
    assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
    HttpResponse<String> page = get(start.headers().firstValue("Location").orElseThrow());
    if (page.statusCode() == 200) {
      String form = find(page.body(), "<form([^>]*kc-form-login[^>]*)>");
      String action = unescape(find(form, "action=\"([^\"]+)\""));
      page = postForm(action, Map.of("username", user, "password", user, "credentialId", ""));
    }
    assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
    String callback = page.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(APP + base + "/callback?");
    return callback;
  }

  /** The whole OIDC login. */
  IdpBrowser oidcLogin(String user) throws Exception {
    HttpResponse<String> done = get(oidcCallbackUrl(user, "?next=%2F"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    csrfToken = session().getString("csrfToken", null);
    return this;
  }

  /** Posts the IdP's answer to the app's assertion consumer service. */
  HttpResponse<String> post(IdpAnswer answer, String samlResponse) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("SAMLResponse", samlResponse);
    form.put("RelayState", answer.relayState());
    return postForm(answer.acs(), form);
  }

  /** The whole login; afterwards the session and its CSRF token are in this browser. */
  IdpBrowser login(String user) throws Exception {
    return login(user, "?next=%2F");
  }

  /** The whole login of a clerk or admin through the staff identity source. */
  IdpBrowser staffLogin(String user) throws Exception {
    IdpAnswer answer = loginAtIdp("/staff/saml", user, "?next=%2F");
    HttpResponse<String> acs = post(answer, answer.samlResponse());
    assertThat(acs.statusCode()).as(acs.body()).isEqualTo(200);
    csrfToken = session().getString("csrfToken", null);
    return this;
  }

  IdpBrowser login(String user, String query) throws Exception {
    IdpAnswer answer = loginAtIdp(user, query);
    HttpResponse<String> acs = post(answer, answer.samlResponse());
    assertThat(acs.statusCode()).as(acs.body()).isEqualTo(200);
    csrfToken = session().getString("csrfToken", null);
    return this;
  }

  JsonObject session() throws Exception {
    return Api.object(get("/api/v1/session"));
  }

  HttpResponse<String> follow(HttpResponse<String> r) throws Exception {
    for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
      String location = r.headers().firstValue("Location").orElseThrow();
      r = get(URI.create(r.uri().toString()).resolve(location).toString());
    }
    return r;
  }

  static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
    assertThat(m.find())
        .as("%s in %s", regex, html.length() > 2000 ? html.substring(0, 2000) : html)
        .isTrue();
    return m.group(1);
  }

  static String unescape(String s) {
    return s.replace("&amp;", "&")
        .replace("&#x3d;", "=")
        .replace("&#x2b;", "+")
        .replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&#61;", "=")
        .replace("&#43;", "+")
        .replace("&#47;", "/");
  }
}
