package de.buergerbuero.connector.servicekonto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.connector.servicekonto.SamlException.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SAML single logout by the redirect binding, started by the SP or by the IdP")
class SingleLogoutTest {
  private static final String SLO = "https://portal.musterstadt.example/saml/slo";
  private static final String IDP_SLO = "https://idp.test.example/bundid/slo";
  private final Instant now = Instant.parse("2026-11-27T10:00:00Z");
  private final TestIdentityProvider idp = new TestIdentityProvider("test-idp");
  private final SamlSettings settings =
      new SamlSettings(
          TestIdentityProvider.SP,
          TestIdentityProvider.ACS,
          new IdpMetadata(
              TestIdentityProvider.ENTITY_ID,
              TestIdentityProvider.SSO,
              List.of(idp.certificate),
              true,
              IDP_SLO),
          null,
          null,
          null,
          TestIdentityProvider.spCredential(),
          TestIdentityProvider.spCredential(),
          true,
          SLO);
  private final SingleLogout slo = new SingleLogout(settings);

  private String idpLogoutRequest(String issuer, String destination, SpCredential signer) {
    String xml =
        "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
            + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_idplogout1\""
            + " Version=\"2.0\" IssueInstant=\""
            + now
            + "\" Destination=\""
            + destination
            + "\"><saml:Issuer>"
            + issuer
            + "</saml:Issuer><saml:NameID>G-1234</saml:NameID>"
            + "<samlp:SessionIndex>idp-session-7</samlp:SessionIndex></samlp:LogoutRequest>";
    String url = RedirectBinding.url(SLO, "SAMLRequest", xml, "rs-1", signer);
    return url.substring(url.indexOf('?') + 1);
  }

  private SpCredential as(TestIdentityProvider who) {
    return new SpCredential(who.key, who.certificate);
  }

  @Test
  @DisplayName(
      "the IdP's signed logout request names the subject and its session; the answer is a signed"
          + " LogoutResponse to the IdP's logout endpoint")
  void idpInitiated() {
    Object received =
        slo.receive(idpLogoutRequest(TestIdentityProvider.ENTITY_ID, SLO, as(idp)), now);
    assertThat(received)
        .isEqualTo(
            new SingleLogout.IdpRequest("_idplogout1", "G-1234", List.of("idp-session-7"), "rs-1"));
    String answer = slo.response("_idplogout1", "rs-1", now);
    assertThat(answer).startsWith(IDP_SLO + "?SAMLResponse=").contains("&SigAlg=", "&Signature=");
  }

  @Test
  @DisplayName(
      "a logout request signed with another key, unsigned, from another issuer or for another"
          + " endpoint is refused: nobody can log a citizen out")
  void forgedIdpRequestsRefused() {
    TestIdentityProvider attacker = new TestIdentityProvider("attacker");
    assertReason(
        () -> slo.receive(idpLogoutRequest(TestIdentityProvider.ENTITY_ID, SLO, as(attacker)), now),
        Reason.SIGNATURE_INVALID);
    String unsigned = idpLogoutRequest(TestIdentityProvider.ENTITY_ID, SLO, null);
    assertReason(() -> slo.receive(unsigned, now), Reason.NOT_SIGNED);
    assertReason(
        () -> slo.receive(idpLogoutRequest("https://evil.example", SLO, as(idp)), now),
        Reason.WRONG_ISSUER);
    assertReason(
        () ->
            slo.receive(
                idpLogoutRequest(
                    TestIdentityProvider.ENTITY_ID, "https://other.example/slo", as(idp)),
                now),
        Reason.WRONG_DESTINATION);
  }

  @Test
  @DisplayName("the SP's logout request is signed and names the subject and the IdP session")
  void spInitiated() throws Exception {
    SingleLogout.Started started = slo.request("G-1234", "idp-session-7", "rs-2", now);
    assertThat(started.redirectUrl())
        .startsWith(IDP_SLO + "?SAMLRequest=")
        .contains("&RelayState=rs-2&SigAlg=", "&Signature=");
    // the IdP verifies it with the SP's certificate: the same binding code, other direction
    var received =
        RedirectBinding.receive(
            started.redirectUrl().substring(started.redirectUrl().indexOf('?') + 1),
            List.of(TestIdentityProvider.spCredential().certificate()));
    String xml = EncryptedAssertionTest.xml(received.message());
    assertThat(xml).contains("LogoutRequest", "G-1234", "idp-session-7", started.requestId());
  }

  private static void assertReason(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(SamlException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
