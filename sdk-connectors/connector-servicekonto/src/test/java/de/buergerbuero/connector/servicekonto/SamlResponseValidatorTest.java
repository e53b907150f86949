package de.buergerbuero.connector.servicekonto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.connector.servicekonto.SamlException.Reason;
import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@DisplayName("SAML response validation and BundID mapping")
class SamlResponseValidatorTest {
  private final TestIdentityProvider idp = new TestIdentityProvider("test-idp");
  private final SamlResponseValidator validator =
      new SamlResponseValidator(
          TestIdentityProvider.settings(idp.metadata()), ReplayCache.inMemory());

  private SamlAssertion validate(String response, TestIdentityProvider.Draft d) {
    return validator.validate(response, "_request1", d.now.plusSeconds(1));
  }

  private void refused(String response, TestIdentityProvider.Draft d, Reason reason) {
    assertThatThrownBy(() -> validate(response, d))
        .isInstanceOfSatisfying(SamlException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  @DisplayName("a signed BundID response becomes a citizen with bPK2, name, postbox and level 3")
  void validResponse() {
    var d = new TestIdentityProvider.Draft();
    SamlAssertion a = validate(TestIdentityProvider.encode(idp.signed(d)), d);
    Caller caller = ServicekontoLogin.toCaller(a, BundIdAttributes.DEFAULT);
    assertThat(caller).isInstanceOf(Caller.ApplicantCaller.class);
    var applicant = ((Caller.ApplicantCaller) caller).applicant();
    assertThat(applicant.subjectId()).isEqualTo("bpk2-anna");
    assertThat(applicant.displayName()).isEqualTo("Anna Muster");
    assertThat(applicant.postboxHandle()).isEqualTo("postfach-anna");
    assertThat(applicant.kind()).isEqualTo(ApplicantKind.CITIZEN);
    assertThat(((Caller.ApplicantCaller) caller).trustLevel()).isEqualTo(TrustLevel.SUBSTANTIAL);
    // data minimisation: the birth date is not part of what the SDK keeps
    assertThat(caller.toString()).doesNotContain("1985-04-12");
  }

  @Test
  @DisplayName("the signature removed: refused")
  void unsigned() {
    var d = new TestIdentityProvider.Draft();
    refused(TestIdentityProvider.encode(idp.xml(d)), d, Reason.NOT_SIGNED);
  }

  @Test
  @DisplayName("an attribute changed after signing: refused")
  void alteredAttribute() {
    var d = new TestIdentityProvider.Draft();
    String xml = xmlOf(idp.signed(d)).replace("bpk2-anna", "bpk2-mallory");
    refused(TestIdentityProvider.encode(xml), d, Reason.SIGNATURE_INVALID);
  }

  @Test
  @DisplayName("the trust level raised after signing: refused")
  void alteredTrustLevel() {
    var d = new TestIdentityProvider.Draft();
    String xml = xmlOf(idp.signed(d)).replace("STORK-QAA-Level-3", "STORK-QAA-Level-4");
    refused(TestIdentityProvider.encode(xml), d, Reason.SIGNATURE_INVALID);
  }

  @Test
  @DisplayName("signed with a key that is not in the IdP metadata: refused")
  void forgedSignature() {
    var d = new TestIdentityProvider.Draft();
    refused(
        TestIdentityProvider.encode(new TestIdentityProvider("attacker").signed(d)),
        d,
        Reason.SIGNATURE_INVALID);
  }

  @Test
  @DisplayName("expired (validly signed): refused")
  void expired() {
    var d = new TestIdentityProvider.Draft();
    String response = TestIdentityProvider.encode(idp.signed(d));
    assertThatThrownBy(() -> validator.validate(response, "_request1", d.now.plusSeconds(600)))
        .isInstanceOfSatisfying(
            SamlException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  @DisplayName("meant for another service provider (validly signed): refused")
  void wrongAudience() {
    var d = new TestIdentityProvider.Draft();
    d.audience = "https://other-town.example/saml";
    refused(TestIdentityProvider.encode(idp.signed(d)), d, Reason.WRONG_AUDIENCE);
  }

  @Test
  @DisplayName("posted to another recipient (validly signed): refused")
  void wrongRecipient() {
    var d = new TestIdentityProvider.Draft();
    d.recipient = "https://evil.example/acs";
    refused(TestIdentityProvider.encode(idp.signed(d)), d, Reason.WRONG_DESTINATION);
  }

  @Test
  @DisplayName("issued by another IdP (validly signed): refused")
  void wrongIssuer() {
    var d = new TestIdentityProvider.Draft();
    d.issuer = "https://other-idp.example";
    refused(TestIdentityProvider.encode(idp.signed(d)), d, Reason.WRONG_ISSUER);
  }

  @Test
  @DisplayName("replayed: the second use of the same assertion is refused")
  void replayed() {
    var d = new TestIdentityProvider.Draft();
    String response = TestIdentityProvider.encode(idp.signed(d));
    validate(response, d);
    refused(response, d, Reason.REPLAYED);
  }

  @Test
  @DisplayName("not an answer to this session's request (or unsolicited): refused")
  void unsolicited() {
    var d = new TestIdentityProvider.Draft();
    String response = TestIdentityProvider.encode(idp.signed(d));
    for (String expected : new String[] {null, "_another"}) {
      assertThatThrownBy(() -> validator.validate(response, expected, d.now))
          .isInstanceOfSatisfying(
              SamlException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSOLICITED));
    }
  }

  @Test
  @DisplayName("signature wrapping: a forged assertion next to the signed one is refused")
  void signatureWrapping() {
    var d = new TestIdentityProvider.Draft();
    Document doc = idp.signed(d);
    Element original = (Element) doc.getElementsByTagNameNS(SecureXml.SAML, "Assertion").item(0);
    Element forged = (Element) original.cloneNode(true);
    forged.setAttribute("ID", "_forged");
    forged.removeChild(forged.getElementsByTagNameNS(SecureXml.DS, "Signature").item(0));
    doc.getDocumentElement().insertBefore(forged, original);
    refused(TestIdentityProvider.encode(doc), d, Reason.MALFORMED);

    // the signed assertion hidden inside the forged one
    Document doc2 = idp.signed(d);
    Element signed = (Element) doc2.getElementsByTagNameNS(SecureXml.SAML, "Assertion").item(0);
    Element outer = (Element) signed.cloneNode(true);
    outer.setAttribute("ID", "_outer");
    outer.removeChild(outer.getElementsByTagNameNS(SecureXml.DS, "Signature").item(0));
    doc2.getDocumentElement().replaceChild(outer, signed);
    outer.appendChild(signed);
    refused(TestIdentityProvider.encode(doc2), d, Reason.MALFORMED);
  }

  @Test
  @DisplayName("a DTD or external entity in the message: refused before anything else")
  void xxe() {
    var d = new TestIdentityProvider.Draft();
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + idp.xml(d).replace("G-1234", "&x;");
    refused(TestIdentityProvider.encode(xml), d, Reason.MALFORMED);
  }

  @Test
  @DisplayName("encrypted assertions are refused with their own reason (not supported)")
  void encrypted() {
    var d = new TestIdentityProvider.Draft();
    String xml =
        idp.xml(d)
            .replaceAll(
                "<saml:Assertion .*</saml:Assertion>",
                "<saml:EncryptedAssertion>x</saml:EncryptedAssertion>");
    refused(TestIdentityProvider.encode(xml), d, Reason.ENCRYPTED_NOT_SUPPORTED);
  }

  @Test
  @DisplayName(
      "company accounts, trust level from the attribute when the context has none; staff through"
          + " the staff source's mapping")
  void companyStaffAndLevels() {
    var d = new TestIdentityProvider.Draft();
    d.classRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";
    d.attributes =
        Map.of(
            "urn:oid:1.3.6.1.4.1.25484.494450.3", "unternehmen-1",
            "urn:oid:2.5.4.10", "Musterbau GmbH",
            "urn:buergerbuero:unternehmen:registernummer", "HRB 12345",
            "urn:oid:1.2.40.0.10.2.1.1.261.94", "http://eidas.europa.eu/LoA/high");
    var company =
        (Caller.ApplicantCaller)
            ServicekontoLogin.toCaller(
                validate(TestIdentityProvider.encode(idp.signed(d)), d), BundIdAttributes.DEFAULT);
    assertThat(company.applicant().kind()).isEqualTo(ApplicantKind.COMPANY);
    assertThat(company.applicant().displayName()).isEqualTo("Musterbau GmbH (HRB 12345)");
    assertThat(company.trustLevel()).isEqualTo(TrustLevel.HIGH);

    var s = new TestIdentityProvider.Draft();
    s.attributes =
        Map.of(
            "urn:buergerbuero:personal:rolle", "clerk",
            "urn:buergerbuero:personal:fachbereich", "ordnungsamt",
            "urn:oid:2.5.4.42", "Olga",
            "urn:oid:2.5.4.4", "Ordnung");
    var staff =
        ServicekontoLogin.toStaffCaller(
            validate(TestIdentityProvider.encode(idp.signed(s)), s),
            BundIdAttributes.DEFAULT,
            null);
    assertThat(staff.departments()).containsExactly("ordnungsamt");
    assertThat(staff.admin()).isFalse();
    assertThat(staff.displayName()).isEqualTo("Olga Ordnung");
  }

  @Test
  @DisplayName("the AuthnRequest is deflated, names the ACS and asks for the step-up level")
  void authnRequest() throws Exception {
    var settings = TestIdentityProvider.settings(idp.metadata());
    AuthnRequest request =
        AuthnRequest.create(
            settings, TrustLevel.HIGH, "rs1", Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(request.redirectUrl()).startsWith(TestIdentityProvider.SSO + "?SAMLRequest=");
    String encoded =
        java.net.URLDecoder.decode(
            request.redirectUrl().replaceAll(".*SAMLRequest=([^&]+).*", "$1"),
            StandardCharsets.UTF_8);
    var inflater = new java.util.zip.Inflater(true);
    inflater.setInput(java.util.Base64.getDecoder().decode(encoded));
    byte[] out = new byte[8192];
    String xml = new String(out, 0, inflater.inflate(out), StandardCharsets.UTF_8);
    assertThat(xml)
        .contains("ID=\"" + request.id() + "\"", TestIdentityProvider.ACS, "STORK-QAA-Level-4");
    assertThat(request.redirectUrl()).endsWith("&RelayState=rs1");
  }

  @Test
  @DisplayName("with an SP key the redirect is signed over SAMLRequest, RelayState and SigAlg")
  void signedAuthnRequest() throws Exception {
    TestIdentityProvider sp = new TestIdentityProvider("attacker"); // any key pair will do
    var settings =
        new SamlSettings(
            TestIdentityProvider.SP,
            TestIdentityProvider.ACS,
            idp.metadata(),
            null,
            null,
            null,
            new SpCredential(sp.key, sp.certificate));
    String url =
        AuthnRequest.create(settings, null, "rs 1", Instant.parse("2026-11-27T10:00:00Z"))
            .redirectUrl();
    String query = url.substring(url.indexOf('?') + 1);
    int at = query.indexOf("&Signature=");
    assertThat(query.substring(0, at))
        .matches(
            "SAMLRequest=[^&]+&RelayState=rs\\+1&SigAlg=http%3A%2F%2Fwww\\.w3\\.org.*rsa-sha256");
    byte[] signature =
        java.util.Base64.getDecoder()
            .decode(
                java.net.URLDecoder.decode(
                    query.substring(at + "&Signature=".length()), StandardCharsets.UTF_8));
    java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
    rsa.initVerify(sp.certificate.getPublicKey());
    rsa.update(query.substring(0, at).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(signature)).isTrue();
    assertThat(ServiceProviderMetadata.xml(settings))
        .contains("AuthnRequestsSigned=\"true\"", "<ds:X509Certificate>");
  }

  @Test
  @DisplayName("IdP metadata: entity id, redirect SSO endpoint and signing certificate")
  void metadata() {
    String pem = java.util.Base64.getEncoder().encodeToString(sneakyEncoded(idp.certificate));
    String xml =
        "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
            + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"https://idp\">"
            + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
            + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
            + pem
            + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
            + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
            + " Location=\"https://idp/post\"/>"
            + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
            + " Location=\"https://idp/redirect\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
    IdpMetadata m = IdpMetadata.parse(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(m.entityId()).isEqualTo("https://idp");
    assertThat(m.singleSignOnUrl()).isEqualTo("https://idp/redirect");
    assertThat(m.signingCertificates()).containsExactly(idp.certificate);
  }

  private static byte[] sneakyEncoded(java.security.cert.X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String xmlOf(Document doc) {
    return new String(
        java.util.Base64.getDecoder().decode(TestIdentityProvider.encode(doc)),
        StandardCharsets.UTF_8);
  }
}
