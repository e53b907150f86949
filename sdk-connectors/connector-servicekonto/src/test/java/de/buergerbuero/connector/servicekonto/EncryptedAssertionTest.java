package de.buergerbuero.connector.servicekonto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.connector.servicekonto.SamlException.Reason;
import de.buergerbuero.kernel.security.Caller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.encryption.XMLCipher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@DisplayName("encrypted assertions (BundID encrypts every assertion)")
class EncryptedAssertionTest {
  private final TestIdentityProvider idp = new TestIdentityProvider("test-idp");
  private final SpCredential sp = TestIdentityProvider.spCredential();

  private SamlSettings settings(boolean requireEncrypted) {
    return new SamlSettings(
        TestIdentityProvider.SP,
        TestIdentityProvider.ACS,
        idp.metadata(),
        null,
        null,
        null,
        null,
        sp,
        requireEncrypted,
        null);
  }

  private final SamlResponseValidator validator =
      new SamlResponseValidator(settings(false), ReplayCache.inMemory());

  private SamlAssertion validate(Document response, TestIdentityProvider.Draft d) {
    return validator.validate(
        TestIdentityProvider.encode(response), "_request1", d.now.plusSeconds(1));
  }

  private void refused(Document response, TestIdentityProvider.Draft d, Reason reason) {
    assertThatThrownBy(() -> validate(response, d))
        .isInstanceOfSatisfying(SamlException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  @DisplayName(
      "an assertion encrypted with AES-256-GCM for the SP's key (RSA-OAEP) becomes the citizen")
  void decryptsAesGcmWithRsaOaep() {
    var d = new TestIdentityProvider.Draft();
    Document response =
        idp.encrypted(d, sp.certificate(), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP_11);
    assertThat(xml(response)).doesNotContain("bpk2-anna").contains("EncryptedAssertion");
    Caller caller = ServicekontoLogin.toCaller(validate(response, d), BundIdAttributes.DEFAULT);
    assertThat(((Caller.ApplicantCaller) caller).applicant().subjectId()).isEqualTo("bpk2-anna");
  }

  @Test
  @DisplayName("AES-128-GCM with RSA-OAEP (MGF1, SHA-1) is accepted too")
  void decryptsAes128GcmWithOaepMgf1p() {
    var d = new TestIdentityProvider.Draft();
    assertThat(
            validate(
                    idp.encrypted(d, sp.certificate(), XMLCipher.AES_128_GCM, XMLCipher.RSA_OAEP),
                    d)
                .first("urn:oid:1.3.6.1.4.1.25484.494450.3"))
        .isEqualTo("bpk2-anna");
  }

  @Test
  @DisplayName("AES-CBC content encryption is refused before decrypting (padding oracle)")
  void cbcRefused() {
    var d = new TestIdentityProvider.Draft();
    refused(
        idp.encrypted(d, sp.certificate(), XMLCipher.AES_256, XMLCipher.RSA_OAEP_11),
        d,
        Reason.DECRYPTION_FAILED);
  }

  @Test
  @DisplayName("RSA PKCS#1 v1.5 key transport is refused (Bleichenbacher)")
  void rsa15Refused() {
    var d = new TestIdentityProvider.Draft();
    refused(
        idp.encrypted(d, sp.certificate(), XMLCipher.AES_256_GCM, XMLCipher.RSA_v1dot5),
        d,
        Reason.DECRYPTION_FAILED);
  }

  @Test
  @DisplayName("encrypted for another key: refused")
  void otherRecipient() {
    var d = new TestIdentityProvider.Draft();
    refused(
        idp.encrypted(
            d,
            new TestIdentityProvider("attacker").certificate,
            XMLCipher.AES_256_GCM,
            XMLCipher.RSA_OAEP_11),
        d,
        Reason.DECRYPTION_FAILED);
  }

  @Test
  @DisplayName(
      "the decrypted assertion gets every check: altered after signing, unsigned, foreign"
          + " audience, replayed")
  void decryptedAssertionIsValidatedLikeAPlainOne() {
    var d = new TestIdentityProvider.Draft();
    Document altered =
        TestIdentityProvider.encrypt(
            parse(xml(idp.signed(d)).replace("bpk2-anna", "bpk2-mallory")),
            sp.certificate(),
            XMLCipher.AES_256_GCM,
            XMLCipher.RSA_OAEP_11);
    refused(altered, d, Reason.SIGNATURE_INVALID);

    var unsigned = new TestIdentityProvider.Draft();
    refused(
        TestIdentityProvider.encrypt(
            parse(idp.xml(unsigned)),
            sp.certificate(),
            XMLCipher.AES_256_GCM,
            XMLCipher.RSA_OAEP_11),
        unsigned,
        Reason.NOT_SIGNED);

    var foreign = new TestIdentityProvider.Draft();
    foreign.audience = "https://other.example/sp";
    refused(
        idp.encrypted(foreign, sp.certificate(), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP_11),
        foreign,
        Reason.WRONG_AUDIENCE);

    var once = new TestIdentityProvider.Draft();
    String response =
        TestIdentityProvider.encode(
            idp.encrypted(once, sp.certificate(), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP_11));
    Instant at = once.now.plusSeconds(1);
    validator.validate(response, "_request1", at);
    assertThatThrownBy(() -> validator.validate(response, "_request1", at))
        .isInstanceOfSatisfying(
            SamlException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REPLAYED));
  }

  @Test
  @DisplayName("when encryption is required, a plain assertion is refused")
  void plainRefusedWhenEncryptionRequired() {
    var d = new TestIdentityProvider.Draft();
    var strict = new SamlResponseValidator(settings(true), ReplayCache.inMemory());
    assertThatThrownBy(
            () ->
                strict.validate(
                    TestIdentityProvider.encode(idp.signed(d)), "_request1", d.now.plusSeconds(1)))
        .isInstanceOfSatisfying(
            SamlException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ENCRYPTED));
  }

  @Test
  @DisplayName("without an SP decryption key an encrypted assertion is refused with its reason")
  void noKeyConfigured() {
    var d = new TestIdentityProvider.Draft();
    var plainOnly =
        new SamlResponseValidator(
            TestIdentityProvider.settings(idp.metadata()), ReplayCache.inMemory());
    assertThatThrownBy(
            () ->
                plainOnly.validate(
                    TestIdentityProvider.encode(
                        idp.encrypted(
                            d, sp.certificate(), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP_11)),
                    "_request1",
                    d.now.plusSeconds(1)))
        .isInstanceOfSatisfying(
            SamlException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED_NOT_SUPPORTED));
  }

  private static Document parse(String xml) {
    return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  static String xml(Document doc) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TransformerFactory.newInstance()
          .newTransformer()
          .transform(new DOMSource(doc), new StreamResult(out));
      return out.toString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
