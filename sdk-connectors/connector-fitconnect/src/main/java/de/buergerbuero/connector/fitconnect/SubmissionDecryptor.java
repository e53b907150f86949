package de.buergerbuero.connector.fitconnect;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.RSAKey;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Decrypts the parts of a FIT-Connect submission (metadata, data, attachments: JWE compact
 * serialisation) with the destination's private key, and checks the SHA-512 hashes the metadata
 * announces. Only the algorithms FIT-Connect prescribes are accepted — key management {@code
 * RSA-OAEP-256}, content encryption {@code A256GCM} — so a sender cannot downgrade to weaker ones;
 * {@link #allowing} widens the set for interoperability tests only.
 */
public final class SubmissionDecryptor {
  /** What FIT-Connect prescribes. */
  public static final Set<JWEAlgorithm> FIT_CONNECT_ALGORITHMS = Set.of(JWEAlgorithm.RSA_OAEP_256);

  private static final long MAX_JWE_CHARS = 200L << 20;

  private final RSAKey privateKey;
  private final Set<JWEAlgorithm> algorithms;

  public SubmissionDecryptor(RSAKey privateKey) {
    this(privateKey, FIT_CONNECT_ALGORITHMS);
  }

  private SubmissionDecryptor(RSAKey privateKey, Set<JWEAlgorithm> algorithms) {
    if (!privateKey.isPrivate()) {
      throw new IllegalArgumentException("a private key is needed to decrypt");
    }
    this.privateKey = privateKey;
    this.algorithms = Set.copyOf(algorithms);
  }

  /** The same key accepting other key-management algorithms (interoperability tests only). */
  public SubmissionDecryptor allowing(Set<JWEAlgorithm> others) {
    return new SubmissionDecryptor(privateKey, others);
  }

  /**
   * The plaintext of a compact JWE.
   *
   * @throws FormServerException {@code FORM_SUBMISSION_MALFORMED} for anything that is not a JWE of
   *     the allowed algorithms, was encrypted for another key, or was changed on the way
   */
  public byte[] decrypt(String compactJwe) {
    if (compactJwe == null || compactJwe.isBlank() || compactJwe.length() > MAX_JWE_CHARS) {
      throw FormServerException.malformed("Verschlüsselter Teil fehlt oder ist zu groß", null);
    }
    JWEObject jwe;
    try {
      jwe = JWEObject.parse(compactJwe.strip());
    } catch (ParseException e) {
      throw FormServerException.malformed("Kein JWE in kompakter Serialisierung", e);
    }
    JWEAlgorithm alg = jwe.getHeader().getAlgorithm();
    if (!algorithms.contains(alg)) {
      throw FormServerException.malformed("JWE-Algorithmus " + alg + " nicht zugelassen", null);
    }
    if (!EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
      throw FormServerException.malformed(
          "JWE-Verschlüsselung " + jwe.getHeader().getEncryptionMethod() + " nicht zugelassen",
          null);
    }
    try {
      jwe.decrypt(new RSADecrypter(privateKey));
    } catch (JOSEException | IllegalStateException e) {
      // wrong key, changed ciphertext or tag, cut token: all look the same from outside
      throw FormServerException.malformed(
          "JWE nicht entschlüsselbar (falscher Schlüssel oder verändert)", e);
    }
    return jwe.getPayload().toBytes();
  }

  /**
   * Decrypts a compact JWE read from a stream into a file, holding only small buffers (see {@link
   * StreamingJwe}); for attachments, which may be large.
   */
  StreamingJwe.Result decryptTo(java.io.InputStream compactJwe, java.nio.file.Path plaintext) {
    return StreamingJwe.decrypt(compactJwe, privateKey, algorithms, MAX_JWE_CHARS, plaintext);
  }

  /** As {@link #requireSha512} for a digest computed while streaming. */
  static void requireSha512Digest(byte[] actual, String announcedHex, String what) {
    byte[] announced;
    try {
      announced = HexFormat.of().parseHex(announcedHex == null ? "" : announcedHex.strip());
    } catch (IllegalArgumentException e) {
      throw FormServerException.malformed("Hashwert von " + what + " ist kein Hex", e);
    }
    if (!MessageDigest.isEqual(actual, announced)) {
      throw FormServerException.malformed("Hashwert von " + what + " stimmt nicht (SHA-512)", null);
    }
  }

  /** Decrypts and returns UTF-8 text (metadata, JSON data). */
  public String decryptText(String compactJwe) {
    return new String(decrypt(compactJwe), StandardCharsets.UTF_8);
  }

  /**
   * Checks the SHA-512 hash announced in the metadata ({@code hash.content}, hex) against the
   * decrypted bytes, in constant time.
   */
  public static void requireSha512(byte[] content, String announcedHex, String what) {
    byte[] actual;
    try {
      actual = MessageDigest.getInstance("SHA-512").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] announced;
    try {
      announced = HexFormat.of().parseHex(announcedHex == null ? "" : announcedHex.strip());
    } catch (IllegalArgumentException e) {
      throw FormServerException.malformed("Hashwert von " + what + " ist kein Hex", e);
    }
    if (!MessageDigest.isEqual(actual, announced)) {
      throw FormServerException.malformed("Hashwert von " + what + " stimmt nicht (SHA-512)", null);
    }
  }
}
