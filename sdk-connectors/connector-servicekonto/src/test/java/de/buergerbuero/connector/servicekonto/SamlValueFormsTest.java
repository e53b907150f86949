package de.buergerbuero.connector.servicekonto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SAML responses and IdP metadata in every value form the standards allow, not only the forms this
 * SDK's own test IdP writes.
 *
 * <p>Sources: SAML 2.0 Core (saml-core-2.0-os) §1.3.3 "Time Values" (xs:dateTime, UTC; its
 * examples, e.g. §5.4.6, write {@code Z}; a value without zone is UTC by that rule); SAML 2.0
 * Metadata (saml-metadata-2.0-os) §2.4.3, {@code WantAuthnRequestsSigned} "[Optional] … of type
 * boolean … If omitted, the value is assumed to be false"; XML Schema Part 2 §3.2.2 (boolean:
 * {@code true}, {@code false}, {@code 1}, {@code 0}) and §3.2.7 (dateTime, whitespace collapsed).
 * The OASIS example instances are not copied (OASIS copyright); the metadata below is written from
 * those rules, in the shape of the metadata spec's IdP example.
 */
@DisplayName("SAML value forms: times and booleans as the SAML and XML Schema specs define them")
class SamlValueFormsTest {
  private final TestIdentityProvider idp = new TestIdentityProvider("test-idp");

  static Stream<Arguments> timeForms() {
    DateTimeFormatter plusOne =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.ofHours(1));
    DateTimeFormatter minusFive =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ZoneOffset.ofHours(-5));
    DateTimeFormatter noZone =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    DateTimeFormatter micros =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    return Stream.of(
        Arguments.of("Z (SAML core examples)", (Function<Instant, String>) Instant::toString),
        Arguments.of("milliseconds, Z", f(i -> micros.format(i).substring(0, 23) + "Z")),
        Arguments.of("microseconds, Z", f(micros::format)),
        Arguments.of("12 fraction digits, Z", f(i -> micros.format(i).replace("Z", "000000Z"))),
        Arguments.of("offset +01:00", f(plusOne::format)),
        Arguments.of("offset -05:00 with fraction", f(minusFive::format)),
        Arguments.of("no zone (UTC by SAML core 1.3.3)", f(noZone::format)),
        Arguments.of("whitespace around", f(i -> " " + i + "\n")));
  }

  private static Function<Instant, String> f(Function<Instant, String> form) {
    return form;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timeForms")
  @DisplayName(
      "a signed response is accepted whichever xs:dateTime form the IdP uses for IssueInstant, NotBefore, NotOnOrAfter and AuthnInstant")
  void timeForms(String form, Function<Instant, String> time) {
    var d = new TestIdentityProvider.Draft();
    d.time = time;
    assertThat(idp.xml(d)).contains("IssueInstant=\"" + time.apply(d.now) + "\"");
    SamlAssertion a =
        new SamlResponseValidator(
                TestIdentityProvider.settings(idp.metadata()), ReplayCache.inMemory())
            .validate(
                TestIdentityProvider.encode(idp.signed(d)), "_request1", d.now.plusSeconds(1));
    assertThat(a.authnInstant()).isEqualTo(d.now);
    assertThat(a.notOnOrAfter()).isEqualTo(d.notOnOrAfter);
  }

  @Test
  @DisplayName("an expired response is still refused when its times are written with an offset")
  void offsetsDoNotExtendValidity() {
    var d = new TestIdentityProvider.Draft();
    DateTimeFormatter plusTwo =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.ofHours(2));
    d.time = plusTwo::format; // 12:05+02:00 is 10:05Z: read as local time it would be 2 h longer
    var validator =
        new SamlResponseValidator(
            TestIdentityProvider.settings(idp.metadata()), ReplayCache.inMemory());
    assertThatThrownBy(
            () ->
                validator.validate(
                    TestIdentityProvider.encode(idp.signed(d)),
                    "_request1",
                    d.notOnOrAfter.plusSeconds(600)))
        .isInstanceOfSatisfying(
            SamlException.class,
            e -> assertThat(e.reason()).isEqualTo(SamlException.Reason.EXPIRED));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2004-12-05T09:22:05Z            | 2004-12-05T09:22:05Z",
        "2004-12-05T09:22:05.123Z        | 2004-12-05T09:22:05.123Z",
        "2004-12-05T10:22:05+01:00       | 2004-12-05T09:22:05Z",
        "2004-12-05T09:22:05             | 2004-12-05T09:22:05Z",
        "2004-12-04T24:00:00Z            | 2004-12-05T00:00:00Z",
        "2004-12-05T09:22:05.1234567891Z | 2004-12-05T09:22:05.123456789Z",
      })
  @DisplayName("SAML time values are read in the whole xs:dateTime lexical space")
  void timeValues(String lexical, String expected) {
    assertThat(SamlValues.instant(lexical, "IssueInstant")).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "2004-12-05 09:22:05Z",
        "2004-12-05T09:22Z",
        "2004-02-30T09:22:05Z",
        "2004-12-05T09:22:05+15:00",
        "05.12.2004",
        ""
      })
  @DisplayName("a time outside xs:dateTime is refused as malformed, not guessed")
  void notTimeValues(String lexical) {
    assertThatThrownBy(() -> SamlValues.instant(lexical, "NotOnOrAfter"))
        .isInstanceOfSatisfying(
            SamlException.class,
            e -> assertThat(e.reason()).isEqualTo(SamlException.Reason.MALFORMED))
        .hasMessageContaining("NotOnOrAfter is not an xs:dateTime");
  }

  /** IdP metadata in the shape of saml-metadata-2.0-os's IdP example, written anew. */
  private String metadata(String wantAuthnRequestsSigned, boolean defaultNamespace) {
    String cert =
        Base64.getMimeEncoder().encodeToString(encoded(idp.certificate)).replace("\r\n", "\n");
    String attribute =
        wantAuthnRequestsSigned == null
            ? ""
            : " WantAuthnRequestsSigned=\"" + wantAuthnRequestsSigned + "\"";
    String md = defaultNamespace ? "" : "md:";
    String nsDecl =
        defaultNamespace
            ? " xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\""
            : " xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"
        + md
        + "EntityDescriptor"
        + nsDecl
        + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"\n    entityID=\""
        + TestIdentityProvider.ENTITY_ID
        + "\" validUntil=\"2030-01-01T00:00:00.000+01:00\" cacheDuration=\"PT6H\">\n  <"
        + md
        + "IDPSSODescriptor"
        + attribute
        + "\n      protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n    <"
        + md
        + "KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n"
        + cert
        + "\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></"
        + md
        + "KeyDescriptor>\n    <"
        + md
        + "NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</"
        + md
        + "NameIDFormat>\n    <"
        + md
        + "SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
        + " Location=\"https://idp.test.example/bundid/sso-post\"/>\n    <"
        + md
        + "SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
        + " Location=\""
        + TestIdentityProvider.SSO
        + "\"/>\n  </"
        + md
        + "IDPSSODescriptor>\n  <"
        + md
        + "Organization><"
        + md
        + "OrganizationName xml:lang=\"de\">Test-IdP</"
        + md
        + "OrganizationName><"
        + md
        + "OrganizationDisplayName xml:lang=\"de\">Test-IdP</"
        + md
        + "OrganizationDisplayName><"
        + md
        + "OrganizationURL xml:lang=\"de\">https://idp.test.example/</"
        + md
        + "OrganizationURL></"
        + md
        + "Organization>\n</"
        + md
        + "EntityDescriptor>\n";
  }

  private static byte[] encoded(java.security.cert.X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "WantAuthnRequestsSigned=\"{0}\" means {1}")
  @CsvSource(
      delimiter = '|',
      value = {"true|true", "1|true", "' 1 '|true", "false|false", "0|false", "' \t0 '|false"})
  @DisplayName(
      "WantAuthnRequestsSigned is read in every xs:boolean form, with md: or the default namespace")
  void wantAuthnRequestsSigned(String lexical, boolean expected) {
    for (boolean defaultNamespace : new boolean[] {false, true}) {
      IdpMetadata m =
          IdpMetadata.parse(metadata(lexical, defaultNamespace).getBytes(StandardCharsets.UTF_8));
      assertThat(m.wantAuthnRequestsSigned()).isEqualTo(expected);
      assertThat(m.entityId()).isEqualTo(TestIdentityProvider.ENTITY_ID);
      assertThat(m.singleSignOnUrl()).isEqualTo(TestIdentityProvider.SSO);
      assertThat(m.signingCertificates()).containsExactly(idp.certificate);
    }
  }

  @Test
  @DisplayName("metadata without WantAuthnRequestsSigned means unsigned requests are fine")
  void absentMeansFalse() {
    IdpMetadata m = IdpMetadata.parse(metadata(null, false).getBytes(StandardCharsets.UTF_8));
    assertThat(m.wantAuthnRequestsSigned()).isFalse();
    assertThat(TestIdentityProvider.settings(m).credential()).isNull();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"TRUE", "yes", "ja", "", "2"})
  @DisplayName("a WantAuthnRequestsSigned outside xs:boolean makes the metadata unusable")
  void notABoolean(String lexical) {
    assertThatThrownBy(
            () -> IdpMetadata.parse(metadata(lexical, false).getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            SamlException.class,
            e -> assertThat(e.reason()).isEqualTo(SamlException.Reason.METADATA))
        .hasMessageContaining("WantAuthnRequestsSigned");
  }

  @Test
  @DisplayName(
      "an IdP whose metadata says WantAuthnRequestsSigned=\"1\" is not sent unsigned requests: settings without an SP key are refused")
  void signedRequestsRequired() {
    IdpMetadata m = IdpMetadata.parse(metadata("1", false).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> TestIdentityProvider.settings(m))
        .isInstanceOfSatisfying(
            SamlException.class,
            e -> assertThat(e.reason()).isEqualTo(SamlException.Reason.METADATA))
        .hasMessageContaining("buergerbuero.login.saml.sp-keystore");
  }
}
