package de.buergerbuero.connector.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubmissionDecryptorTest {
  static RSAKey destinationKey;
  static RSAKey otherKey;

  @BeforeAll
  static void keys() throws Exception {
    // keys generated in the test (FIT-Connect uses 4096 bit; 2048 keeps the test quick)
    destinationKey = new RSAKeyGenerator(2048).keyID("destination").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("other").generate();
  }

  static String encrypt(byte[] plaintext, RSAKey key, JWEAlgorithm alg, EncryptionMethod enc)
      throws Exception {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(alg, enc).keyID(key.getKeyID()).build(), new Payload(plaintext));
    jwe.encrypt(new RSAEncrypter(key.toRSAPublicKey()));
    return jwe.serialize();
  }

  static void malformed(Runnable action) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            FormServerException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(KernelError.FORM_SUBMISSION_MALFORMED);
              assertThat(e.isRetryable()).isFalse();
            });
  }

  @Test
  @DisplayName("RFC 7516 Appendix A.1 (RSA-OAEP + A256GCM) decrypts to the RFC's plaintext")
  void rfc7516AppendixA1() throws Exception {
    JsonNode vector;
    try (InputStream in = getClass().getResourceAsStream("/rfc7516-a1.json")) {
      vector = new ObjectMapper().readTree(in);
    }
    RSAKey key = RSAKey.parse(vector.get("jwk").toString());
    SubmissionDecryptor interop =
        new SubmissionDecryptor(key).allowing(Set.of(JWEAlgorithm.RSA_OAEP));
    assertThat(interop.decryptText(vector.get("jwe").asText()))
        .isEqualTo(vector.get("plaintext").asText())
        .isEqualTo("The true sign of intelligence is not knowledge but imagination.");
    // FIT-Connect itself prescribes RSA-OAEP-256: the RFC's RSA-OAEP is refused by default
    malformed(() -> new SubmissionDecryptor(key).decrypt(vector.get("jwe").asText()));
  }

  @Test
  @DisplayName("data encrypted with RSA-OAEP-256 + A256GCM for the destination decrypts")
  void fitConnectAlgorithms() throws Exception {
    byte[] data = "{\"antrag\":{\"name\":\"Erika Mustermann\"}}".getBytes(StandardCharsets.UTF_8);
    String jwe = encrypt(data, destinationKey, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM);
    assertThat(new SubmissionDecryptor(destinationKey).decrypt(jwe)).isEqualTo(data);
  }

  @Test
  @DisplayName("another key, a truncated or changed JWE and other content encryptions are refused")
  void refused() throws Exception {
    byte[] data = "geheim".getBytes(StandardCharsets.UTF_8);
    SubmissionDecryptor decryptor = new SubmissionDecryptor(destinationKey);
    String forOther = encrypt(data, otherKey, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM);
    malformed(() -> decryptor.decrypt(forOther));
    String good =
        encrypt(data, destinationKey, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM);
    malformed(() -> decryptor.decrypt(good.substring(0, good.lastIndexOf('.'))));
    String[] parts = good.split("\\.");
    char last = parts[3].charAt(0);
    parts[3] = (last == 'A' ? 'B' : 'A') + parts[3].substring(1);
    malformed(() -> decryptor.decrypt(String.join(".", parts)));
    String cbc =
        encrypt(data, destinationKey, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128CBC_HS256);
    malformed(() -> decryptor.decrypt(cbc));
    malformed(() -> decryptor.decrypt("kein.jwe"));
    malformed(() -> decryptor.decrypt(""));
  }

  @Test
  @DisplayName("the SHA-512 announced in the metadata must match the decrypted bytes")
  void hashes() throws Exception {
    byte[] data = "Anlage".getBytes(StandardCharsets.UTF_8);
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data));
    SubmissionDecryptor.requireSha512(data, hex, "Anlage");
    SubmissionDecryptor.requireSha512(data, hex.toUpperCase(), "Anlage");
    malformed(
        () ->
            SubmissionDecryptor.requireSha512(
                "Anlagf".getBytes(StandardCharsets.UTF_8), hex, "Anlage"));
    malformed(() -> SubmissionDecryptor.requireSha512(data, "zz", "Anlage"));
  }
}
