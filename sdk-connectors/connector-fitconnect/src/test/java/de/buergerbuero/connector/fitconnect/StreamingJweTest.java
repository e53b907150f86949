package de.buergerbuero.connector.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed decryption gives what nimbus-jose-jwt encrypted (RFC 7516 compact, A256GCM). */
class StreamingJweTest {
  @TempDir Path dir;

  @Test
  void decryptsWhatNimbusEncrypted_andRefusesAChangedTag() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).generate();
    byte[] plaintext = new byte[3 * (64 << 10) + 17];
    new Random(7).nextBytes(plaintext);
    JWEObject jwe =
        new JWEObject(
            new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
            new Payload(plaintext));
    jwe.encrypt(new RSAEncrypter(key.toPublicJWK()));
    String compact = jwe.serialize();
    SubmissionDecryptor decryptor = new SubmissionDecryptor(key);

    var result =
        decryptor.decryptTo(
            new ByteArrayInputStream(compact.getBytes(StandardCharsets.US_ASCII)),
            dir.resolve("a"));

    assertThat(Files.readAllBytes(dir.resolve("a"))).isEqualTo(plaintext);
    assertThat(result.size()).isEqualTo(plaintext.length);
    assertThat(result.sha512()).isEqualTo(MessageDigest.getInstance("SHA-512").digest(plaintext));
    assertThat(result.authenticationTag()).isEqualTo(jwe.getAuthTag().toString());

    String changed = compact.substring(0, compact.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
    assertThatThrownBy(
            () ->
                decryptor.decryptTo(
                    new ByteArrayInputStream(changed.getBytes(StandardCharsets.US_ASCII)),
                    dir.resolve("b")))
        .hasMessageContaining("verändert");
  }
}
