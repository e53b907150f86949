package de.buergerbuero.connector.servicekonto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import de.buergerbuero.kernel.security.Caller;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Discovery against a provider that answers like OpenID Connect Discovery 1.0 §4.2 shows (its
 * example response, written anew here with this test's addresses; not copied): an issuer with a
 * path, or one that ends in "/" (Discovery §4.1: the "/" is removed before {@code
 * /.well-known/openid-configuration} is appended, and §4.3: the document's issuer must be the one
 * asked for — ID tokens then carry it with its "/"). The JWKS is RFC 7517 §5's {@code {"keys":
 * [...]}} with one RSA key.
 */
@DisplayName(
    "OIDC discovery reads issuers and documents as OpenID Connect Discovery 1.0 defines them")
class OidcDiscoveryTest {
  private static final RSAKey KEY = generate();
  private final Map<String, String> documents = new ConcurrentHashMap<>();
  private HttpServer server;
  private String origin;

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("k1").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body = documents.get(exchange.getRequestURI().getPath());
          byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    origin = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** A provider at {@code path}; its document announces {@code announcedIssuer}. */
  private void provider(String path, String announcedIssuer) {
    documents.put(
        path + "/.well-known/openid-configuration",
        "{\n"
            + "  \"issuer\": \""
            + announcedIssuer
            + "\",\n"
            + "  \"authorization_endpoint\": \""
            + origin
            + path
            + "/connect/authorize\",\n"
            + "  \"token_endpoint\": \""
            + origin
            + path
            + "/connect/token\",\n"
            + "  \"userinfo_endpoint\": \""
            + origin
            + path
            + "/connect/userinfo\",\n"
            + "  \"jwks_uri\": \""
            + origin
            + path
            + "/jwks.json\",\n"
            + "  \"registration_endpoint\": \""
            + origin
            + path
            + "/connect/register\",\n"
            + "  \"scopes_supported\": [\"openid\", \"profile\", \"email\"],\n"
            + "  \"response_types_supported\": [\"code\", \"code id_token\", \"id_token\"],\n"
            + "  \"acr_values_supported\": [\"STORK-QAA-Level-3\", \"STORK-QAA-Level-4\"],\n"
            + "  \"subject_types_supported\": [\"public\", \"pairwise\"],\n"
            + "  \"id_token_signing_alg_values_supported\": [\"RS256\", \"ES256\"],\n"
            + "  \"claims_parameter_supported\": true,\n"
            + "  \"request_uri_parameter_supported\": false,\n"
            + "  \"claims_supported\": [\"sub\", \"iss\", \"acr\", \"given_name\", \"family_name\"]\n"
            + "}");
    documents.put(path + "/jwks.json", new JWKSet(KEY.toPublicJWK()).toString());
  }

  private static String idToken(String issuer) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience("portal")
                .subject("kc-user-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", "n1")
                .claim("bpk2", "bpk2-anna")
                .claim("given_name", "Anna")
                .claim("family_name", "Muster")
                .claim("acr", "STORK-QAA-Level-3")
                .build());
    jwt.sign(new RSASSASigner(KEY));
    return jwt.serialize();
  }

  private OidcClient discover(String configuredIssuer) {
    return OidcClient.discover(
        configuredIssuer,
        "portal",
        "secret",
        "https://portal.example/oidc/callback",
        BundIdAttributes.OIDC_CLAIMS);
  }

  @Test
  @DisplayName("an issuer with a path component is discovered and its ID tokens accepted")
  void issuerWithPath() throws Exception {
    String issuer = origin + "/realms/bundid";
    provider("/realms/bundid", issuer);
    Caller caller = discover(issuer).callerOf(idToken(issuer), "n1");
    assertThat(caller).isInstanceOf(Caller.ApplicantCaller.class);
    assertThat(((Caller.ApplicantCaller) caller).applicant().subjectId()).isEqualTo("bpk2-anna");
  }

  @Test
  @DisplayName(
      "an issuer that ends in \"/\" is discovered without a double slash, and ID tokens carrying it with its \"/\" are accepted")
  void issuerWithTrailingSlash() throws Exception {
    String issuer = origin + "/tenant/";
    provider("/tenant", issuer);
    OidcClient client = discover(issuer);
    assertThat(client.callerOf(idToken(issuer), "n1")).isInstanceOf(Caller.ApplicantCaller.class);
    assertThatThrownBy(() -> client.callerOf(idToken(origin + "/tenant"), "n1"))
        .as("iss must be the announced issuer exactly")
        .isInstanceOf(OidcException.class);
  }

  @Test
  @DisplayName("a discovery document that names another issuer is refused")
  void otherIssuer() {
    provider("/realms/bundid", "https://evil.example/realms/bundid");
    assertThatThrownBy(() -> discover(origin + "/realms/bundid"))
        .isInstanceOf(OidcException.class)
        .hasMessageContaining("another issuer");
  }
}
