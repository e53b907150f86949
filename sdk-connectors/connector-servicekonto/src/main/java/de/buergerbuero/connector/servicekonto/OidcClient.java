package de.buergerbuero.connector.servicekonto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import de.buergerbuero.kernel.http.ConnectorHttp;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.spi.login.InMemoryLoginsInFlight;
import de.buergerbuero.kernel.spi.login.LoginsInFlight;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenID Connect login (authorization code flow with PKCE S256, confidential client) for towns that
 * broker BundID through Keycloak or another OIDC provider. The ID token is checked with the
 * provider's JWKS (RS256/PS256/ES256 only): issuer, audience, expiry, issue time, nonce; its claims
 * become the caller as in the SAML login ({@link ServicekontoLogin}); {@code acr} plays the part of
 * the AuthnContextClassRef.
 */
public final class OidcClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

  /** The provider's endpoints, from its discovery document. */
  public record Provider(
      String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri) {}

  /** What the callback needs: the nonce, the PKCE verifier, where to go afterwards. */
  public record Pending(String nonce, String codeVerifier, String next) {}

  /**
   * What a validated ID token becomes: the claims (each a list of values), {@code acr} and the
   * subject. By default a citizen or company ({@link ServicekontoLogin#toCaller}: never staff); the
   * staff identity source maps with {@link ServicekontoLogin#toStaffCaller}.
   */
  @FunctionalInterface
  public interface Callers {
    Caller of(Map<String, List<String>> claims, String acr, String subject);
  }

  /** A started login: where to send the browser, and its state token. */
  public record Start(String state, String redirectUrl) {}

  private final Provider provider;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private final BundIdAttributes claims;
  private final Callers callers;
  private final DefaultJWTProcessor<SecurityContext> tokens;
  private final PendingLogins<Pending> pending;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A client that keeps its logins in flight in this instance's memory (tests, tools). */
  public OidcClient(
      Provider provider,
      JWKSource<SecurityContext> keys,
      String clientId,
      String clientSecret,
      String redirectUri,
      BundIdAttributes claims) {
    this(
        provider,
        keys,
        clientId,
        clientSecret,
        redirectUri,
        claims,
        new InMemoryLoginsInFlight(100_000));
  }

  /** A client that keeps its logins in flight in {@code logins} (the database, for servers). */
  public OidcClient(
      Provider provider,
      JWKSource<SecurityContext> keys,
      String clientId,
      String clientSecret,
      String redirectUri,
      BundIdAttributes claims,
      LoginsInFlight logins) {
    this(
        provider,
        keys,
        clientId,
        clientSecret,
        redirectUri,
        claims,
        logins,
        (values, acr, subject) -> ServicekontoLogin.toCaller(values, acr, subject, claims));
  }

  /** A client whose ID tokens become callers by {@code callers} (the staff source's mapping). */
  public OidcClient(
      Provider provider,
      JWKSource<SecurityContext> keys,
      String clientId,
      String clientSecret,
      String redirectUri,
      BundIdAttributes claims,
      LoginsInFlight logins,
      Callers callers) {
    this.callers = callers;
    this.pending =
        new PendingLogins<>(
            logins,
            "oidc " + redirectUri, // one namespace per client: a citizens' state is no staff state
            Duration.ofMinutes(15),
            p -> java.util.Arrays.asList(p.nonce(), p.codeVerifier(), p.next()),
            f -> new Pending(f.get(0), f.get(1), f.get(2)));
    this.provider = provider;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
    this.claims = claims;
    this.tokens = new DefaultJWTProcessor<>();
    tokens.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
  }

  /** Reads the discovery document {@code <issuer>/.well-known/openid-configuration}. */
  public static OidcClient discover(
      String issuer,
      String clientId,
      String clientSecret,
      String redirectUri,
      BundIdAttributes claims) {
    return discover(
        issuer, clientId, clientSecret, redirectUri, claims, new InMemoryLoginsInFlight(100_000));
  }

  /** The same, keeping logins in flight in {@code logins}. */
  public static OidcClient discover(
      String issuer,
      String clientId,
      String clientSecret,
      String redirectUri,
      BundIdAttributes claims,
      LoginsInFlight logins) {
    return discover(
        issuer,
        clientId,
        clientSecret,
        redirectUri,
        claims,
        logins,
        (values, acr, subject) -> ServicekontoLogin.toCaller(values, acr, subject, claims));
  }

  /** The same, mapping ID tokens by {@code callers}. */
  public static OidcClient discover(
      String issuer,
      String clientId,
      String clientSecret,
      String redirectUri,
      BundIdAttributes claims,
      LoginsInFlight logins,
      Callers callers) {
    String configured = issuer.strip();
    String base = configured.replaceAll("/+$", "");
    JsonNode config = getJson(base + "/.well-known/openid-configuration");
    // Discovery 1.0 §4: a terminating "/" of the issuer is removed before the well-known path is
    // appended, and the document's issuer must be the issuer asked for; ID tokens carry exactly
    // that value (with its "/" where it has one, e.g. "https://tenant.example/").
    String announced = config.path("issuer").asText("");
    if (!announced.equals(configured) && !announced.equals(base) && !announced.equals(base + "/")) {
      throw new OidcException("the discovery document names another issuer");
    }
    Provider provider =
        new Provider(
            announced,
            config.path("authorization_endpoint").asText(),
            config.path("token_endpoint").asText(),
            config.path("jwks_uri").asText());
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(new URL(provider.jwksUri())).retrying(true).build();
      return new OidcClient(
          provider, keys, clientId, clientSecret, redirectUri, claims, logins, callers);
    } catch (IOException e) {
      throw new OidcException("jwks_uri not usable", e);
    }
  }

  /** Starts a login; {@code minimum} asks for a trust level by {@code acr_values}. */
  public Start start(TrustLevel minimum, String next, Instant now) {
    return start(minimum, next, null, now);
  }

  /**
   * Starts a login bound to the browser that holds {@code browser} (the pre-login cookie's value):
   * {@link #complete} succeeds only when the same value comes back with the callback.
   */
  public Start start(TrustLevel minimum, String next, String browser, Instant now) {
    String state = PendingLogins.newToken();
    String nonce = PendingLogins.newToken();
    String verifier = PendingLogins.newToken() + PendingLogins.newToken();
    pending.put(state, browser, new Pending(nonce, verifier, next), now);
    String url =
        provider.authorizationEndpoint()
            + (provider.authorizationEndpoint().contains("?") ? "&" : "?")
            + "response_type=code&scope=openid&client_id="
            + enc(clientId)
            + "&redirect_uri="
            + enc(redirectUri)
            + "&state="
            + state
            + "&nonce="
            + nonce
            + "&code_challenge="
            + challenge(verifier)
            + "&code_challenge_method=S256"
            + (minimum == null ? "" : "&acr_values=" + minimum.storkQaaClassRef());
    return new Start(state, url);
  }

  /** A finished login: the caller and where to go. */
  public record Completed(Caller caller, String next) {}

  /** The redirect back: exchanges the code and validates the ID token. */
  public Completed complete(String code, String state, Instant now) {
    return complete(code, state, null, now);
  }

  /** The redirect back, brought by the browser holding {@code browser} (see {@link #start}). */
  public Completed complete(String code, String state, String browser, Instant now) {
    Pending p = pending.take(state, browser, now);
    if (p == null) {
      throw new OidcException("no login in flight for this state");
    }
    if (code == null || code.isBlank() || code.length() > 4096) {
      throw new OidcException("no authorization code");
    }
    String form =
        "grant_type=authorization_code&code="
            + enc(code)
            + "&redirect_uri="
            + enc(redirectUri)
            + "&code_verifier="
            + enc(p.codeVerifier());
    JsonNode answer;
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(provider.tokenEndpoint()))
                  .timeout(Duration.ofSeconds(20))
                  .header("Authorization", ConnectorHttp.basic(enc(clientId), enc(clientSecret)))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new OidcException("token endpoint answered " + r.statusCode());
      }
      answer = JSON.readTree(r.body());
    } catch (IOException e) {
      throw new OidcException("token endpoint not reachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OidcException("interrupted", e);
    }
    return new Completed(callerOf(answer.path("id_token").asText(null), p.nonce()), p.next());
  }

  /** Validates an ID token and maps its claims; public for tests with a local key set. */
  public Caller callerOf(String idToken, String nonce) {
    if (idToken == null) {
      throw new OidcException("no id_token");
    }
    DefaultJWTClaimsVerifier<SecurityContext> verifier =
        new DefaultJWTClaimsVerifier<>(
            clientId,
            new JWTClaimsSet.Builder().issuer(provider.issuer()).claim("nonce", nonce).build(),
            Set.of("sub", "exp", "iat"));
    verifier.setMaxClockSkew(120);
    JWTClaimsSet set;
    try {
      synchronized (tokens) {
        tokens.setJWTClaimsSetVerifier(verifier);
        set = tokens.process(idToken, null);
      }
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new OidcException("ID token refused: " + e.getClass().getSimpleName(), e);
    }
    Map<String, List<String>> values = new HashMap<>();
    for (Map.Entry<String, Object> e : set.getClaims().entrySet()) {
      List<String> list = new ArrayList<>();
      if (e.getValue() instanceof List<?> l) {
        l.forEach(v -> list.add(String.valueOf(v)));
      } else if (e.getValue() != null) {
        list.add(String.valueOf(e.getValue()));
      }
      values.put(e.getKey(), list);
    }
    Object acr = set.getClaim("acr");
    return callers.of(values, acr == null ? null : acr.toString(), set.getSubject());
  }

  private static JsonNode getJson(String url) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new OidcException("discovery answered " + r.statusCode());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new OidcException("discovery not reachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OidcException("interrupted", e);
    }
  }

  private static String challenge(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
