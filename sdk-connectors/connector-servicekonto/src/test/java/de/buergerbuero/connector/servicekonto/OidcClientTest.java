package de.buergerbuero.connector.servicekonto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OIDC ID token validation and claim mapping")
class OidcClientTest {
  private static final String ISSUER = "https://idp.test.example/realms/bundid";
  private static final RSAKey KEY = generate("idp");
  private static final RSAKey ATTACKER = generate("attacker");

  private final OidcClient client =
      new OidcClient(
          new OidcClient.Provider(ISSUER, ISSUER + "/auth", ISSUER + "/token", ISSUER + "/certs"),
          new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())),
          "portal",
          "secret",
          "https://portal.example/oidc/callback",
          BundIdAttributes.OIDC_CLAIMS);

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience("portal")
            .subject("kc-user-1")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", "n1")
            .claim("bpk2", "bpk2-anna")
            .claim("given_name", "Anna")
            .claim("family_name", "Muster")
            .claim("trust_level", "STORK-QAA-Level-3");
    change.accept(claims);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  @DisplayName("a valid ID token becomes the citizen with bPK2, name and trust level")
  void valid() throws Exception {
    var caller = (Caller.ApplicantCaller) client.callerOf(token(KEY, c -> {}), "n1");
    assertThat(caller.applicant().subjectId()).isEqualTo("bpk2-anna");
    assertThat(caller.applicant().displayName()).isEqualTo("Anna Muster");
    assertThat(caller.applicant().kind()).isEqualTo(ApplicantKind.CITIZEN);
    assertThat(caller.trustLevel()).isEqualTo(TrustLevel.SUBSTANTIAL);
  }

  @Test
  @DisplayName(
      "staff claims at the citizens' OIDC login make nobody staff: without a bPK2 it is refused,"
          + " with one it is a citizen")
  void staffClaimsIgnored() throws Exception {
    assertThatThrownBy(
            () ->
                client.callerOf(
                    token(
                        KEY,
                        c ->
                            c.claim("bpk2", null)
                                .claim("staff_role", "admin")
                                .claim("department", List.of("gewerbe", "ordnungsamt"))),
                    "n1"))
        .isInstanceOf(SamlException.class)
        .hasMessageContaining("MISSING_ATTRIBUTE");
    assertThat(client.callerOf(token(KEY, c -> c.claim("staff_role", "admin")), "n1"))
        .isInstanceOf(Caller.ApplicantCaller.class);
  }

  @Test
  @DisplayName(
      "the staff source's client maps staff claims to a clerk with departments and refuses a"
          + " citizen's token and one below its minimum trust level")
  void staffSourceClient() throws Exception {
    OidcClient staff =
        new OidcClient(
            new OidcClient.Provider(ISSUER, ISSUER + "/auth", ISSUER + "/token", ISSUER + "/certs"),
            new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())),
            "portal",
            "secret",
            "https://portal.example/staff/oidc/callback",
            BundIdAttributes.OIDC_CLAIMS,
            new de.buergerbuero.kernel.spi.login.InMemoryLoginsInFlight(10),
            (values, acr, subject) ->
                ServicekontoLogin.toStaffCaller(
                    values, acr, subject, BundIdAttributes.OIDC_CLAIMS, TrustLevel.SUBSTANTIAL));
    var clerk =
        (Caller.StaffCaller)
            staff.callerOf(
                token(
                    KEY,
                    c ->
                        c.claim("bpk2", null)
                            .claim("staff_role", "clerk")
                            .claim("department", List.of("gewerbe", "ordnungsamt"))),
                "n1");
    assertThat(clerk.departments()).containsExactlyInAnyOrder("gewerbe", "ordnungsamt");
    assertThatThrownBy(() -> staff.callerOf(token(KEY, c -> {}), "n1"))
        .hasMessageContaining("NOT_STAFF");
    assertThatThrownBy(
            () ->
                staff.callerOf(
                    token(
                        KEY,
                        c ->
                            c.claim("staff_role", "clerk")
                                .claim("trust_level", "STORK-QAA-Level-1")),
                    "n1"))
        .hasMessageContaining("TRUST_LEVEL");
  }

  @Test
  @DisplayName("wrong nonce, audience, issuer, expired, foreign key or unsigned: refused")
  void refused() throws Exception {
    assertThatThrownBy(() -> client.callerOf(token(KEY, c -> {}), "other-nonce"))
        .isInstanceOf(OidcException.class);
    assertThatThrownBy(() -> client.callerOf(token(KEY, c -> c.audience("other")), "n1"))
        .isInstanceOf(OidcException.class);
    assertThatThrownBy(() -> client.callerOf(token(KEY, c -> c.issuer("https://evil")), "n1"))
        .isInstanceOf(OidcException.class);
    assertThatThrownBy(
            () ->
                client.callerOf(
                    token(KEY, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600)))),
                    "n1"))
        .isInstanceOf(OidcException.class);
    assertThatThrownBy(() -> client.callerOf(token(ATTACKER, c -> {}), "n1"))
        .isInstanceOf(OidcException.class);
    String unsigned =
        new PlainJWT(SignedJWT.parse(token(KEY, c -> {})).getJWTClaimsSet()).serialize();
    assertThatThrownBy(() -> client.callerOf(unsigned, "n1")).isInstanceOf(OidcException.class);
  }

  @Test
  @DisplayName("the authorization request uses PKCE S256, a state and a nonce, and acr_values")
  void authorizationRequest() {
    OidcClient.Start start = client.start(TrustLevel.HIGH, "/", Instant.now());
    assertThat(start.redirectUrl())
        .startsWith(ISSUER + "/auth?response_type=code&scope=openid&client_id=portal")
        .contains("code_challenge_method=S256", "state=" + start.state(), "nonce=")
        .contains("acr_values=STORK-QAA-Level-4");
    assertThatThrownBy(() -> client.complete("code", "unknown-state", Instant.now()))
        .isInstanceOf(OidcException.class);
  }
}
