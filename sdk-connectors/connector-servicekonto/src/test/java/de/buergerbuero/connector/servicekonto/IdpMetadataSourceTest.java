package de.buergerbuero.connector.servicekonto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@DisplayName("IdP metadata: only from a file or HTTPS, signature checked, refreshed")
class IdpMetadataSourceTest {
  private final TestIdentityProvider idp = new TestIdentityProvider("test-idp");
  @TempDir Path dir;

  private String metadata(String entityId) throws Exception {
    return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
        + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" ID=\"_md1\" entityID=\""
        + entityId
        + "\"><md:Extensions/><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
        + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
        + Base64.getEncoder().encodeToString(idp.certificate.getEncoded())
        + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        + "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
        + " Location=\"https://idp.example/slo\"/>"
        + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
        + " Location=\"https://idp.example/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
  }

  private String signed(String xml, TestIdentityProvider signer) {
    Document doc = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    Element root = doc.getDocumentElement();
    signer.sign(root);
    // the signature must be the first child of the EntityDescriptor
    root.insertBefore(
        root.getElementsByTagNameNS(SecureXml.DS, "Signature").item(0), root.getFirstChild());
    return EncryptedAssertionTest.xml(doc);
  }

  @Test
  @DisplayName("plain HTTP is refused (also for loopback unless allowed), HTTPS and files are not")
  void onlyHttpsOrFile() {
    assertThatThrownBy(
            () -> new IdpMetadataSource("http://idp.example/metadata", List.of(), null, true))
        .hasMessageContaining("HTTPS");
    assertThatThrownBy(
            () -> new IdpMetadataSource("http://127.0.0.1:8180/md", List.of(), null, false))
        .hasMessageContaining("HTTPS");
    new IdpMetadataSource("http://127.0.0.1:8180/md", List.of(), null, true);
    new IdpMetadataSource("https://idp.example/metadata", List.of(), null, false);
    new IdpMetadataSource("/etc/buergerbuero/idp.xml", List.of(), null, false);
    assertThatThrownBy(() -> new IdpMetadataSource("ftp://idp.example/md", List.of(), null, false))
        .isInstanceOf(SamlException.class);
  }

  @Test
  @DisplayName(
      "signed metadata is checked with the configured certificate; a forged or unsigned one is"
          + " refused when a certificate is configured")
  void signatureChecked() throws Exception {
    String good = signed(metadata("https://idp.example"), idp);
    List<java.security.cert.X509Certificate> anchor = List.of(idp.certificate);
    IdpMetadata parsed =
        IdpMetadata.parse(good.getBytes(StandardCharsets.UTF_8), anchor, Instant.now());
    assertThat(parsed.singleLogoutUrl()).isEqualTo("https://idp.example/slo");
    String altered = good.replace("https://idp.example/sso", "https://evil.example/sso");
    assertThatThrownBy(
            () -> IdpMetadata.parse(altered.getBytes(StandardCharsets.UTF_8), anchor, null))
        .hasMessageContaining("metadata signature");
    String forged = signed(metadata("https://idp.example"), new TestIdentityProvider("attacker"));
    assertThatThrownBy(
            () -> IdpMetadata.parse(forged.getBytes(StandardCharsets.UTF_8), anchor, null))
        .hasMessageContaining("metadata signature");
    assertThatThrownBy(
            () ->
                IdpMetadata.parse(
                    metadata("https://idp.example").getBytes(StandardCharsets.UTF_8), anchor, null))
        .hasMessageContaining("not signed");
  }

  @Test
  @DisplayName(
      "the metadata is read again after the refresh interval; a broken file keeps the last")
  void refreshed() throws Exception {
    Path file = dir.resolve("idp.xml");
    Files.writeString(file, metadata("https://idp-one.example"));
    IdpMetadataSource source =
        new IdpMetadataSource(file.toString(), List.of(), Duration.ofHours(1), false);
    Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(source.metadata(t0).entityId()).isEqualTo("https://idp-one.example");
    Files.writeString(file, metadata("https://idp-two.example"));
    assertThat(source.metadata(t0.plusSeconds(60)).entityId()).isEqualTo("https://idp-one.example");
    assertThat(source.metadata(t0.plusSeconds(3601)).entityId())
        .isEqualTo("https://idp-two.example");
    Files.writeString(file, "<broken");
    assertThat(source.metadata(t0.plusSeconds(7300)).entityId())
        .isEqualTo("https://idp-two.example");
  }
}
