package de.buergerbuero.connector.fitconnect;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.MGF1ParameterSpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts a JWE in compact serialisation (RFC 7516 §7.1) from a stream into a file, holding only
 * small buffers: the ciphertext is Base64url-decoded and AES-CTR-decrypted as it arrives (GCM's
 * keystream, NIST SP 800-38D), and the plaintext is released only after the GCM tag is checked — by
 * encrypting the plaintext again with the same key, IV and additional data (the JDK's GCM encrypts
 * as a stream but decrypts only all at once). Only {@code A256GCM} with a 96-bit IV and a 128-bit
 * tag, no compression and no critical header parameters are accepted (FIT-Connect prescribes {@code
 * RSA-OAEP-256} + {@code A256GCM}).
 */
final class StreamingJwe {
  private static final int MAX_HEADER_CHARS = 8 << 10;
  private static final int MAX_KEY_CHARS = 2 << 10;
  private static final int MAX_IV_CHARS = 32;
  private static final int MAX_TAG_CHARS = 32;

  /** What was decrypted: size and SHA-512 of the plaintext, and the JWE's authentication tag. */
  record Result(long size, byte[] sha512, String authenticationTag) {}

  private StreamingJwe() {}

  static Result decrypt(
      InputStream jwe, RSAKey key, Set<JWEAlgorithm> algorithms, long maxChars, Path plaintext) {
    try {
      Segments in = new Segments(new java.io.BufferedInputStream(jwe, 64 << 10), maxChars);
      String headerB64 = in.small(MAX_HEADER_CHARS, "Header");
      JWEHeader header;
      try {
        header = JWEHeader.parse(new Base64URL(headerB64));
      } catch (ParseException e) {
        throw FormServerException.malformed("JWE-Header nicht lesbar", e);
      }
      if (!algorithms.contains(header.getAlgorithm())) {
        throw FormServerException.malformed(
            "JWE-Algorithmus " + header.getAlgorithm() + " nicht zugelassen", null);
      }
      if (!EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
        throw FormServerException.malformed(
            "JWE-Verschlüsselung " + header.getEncryptionMethod() + " nicht zugelassen", null);
      }
      if (header.getCompressionAlgorithm() != null || header.getCriticalParams() != null) {
        throw FormServerException.malformed(
            "JWE mit Kompression oder kritischen Header-Parametern nicht zugelassen", null);
      }
      byte[] encryptedKey = decode(in.small(MAX_KEY_CHARS, "Schlüssel"));
      byte[] iv = decode(in.small(MAX_IV_CHARS, "IV"));
      if (iv.length != 12) {
        throw FormServerException.malformed("JWE-IV muss 96 Bit lang sein", null);
      }
      SecretKeySpec cek = unwrap(encryptedKey, key, header.getAlgorithm());
      byte[] aad = headerB64.getBytes(StandardCharsets.US_ASCII);

      byte[] counter = new byte[16];
      System.arraycopy(iv, 0, counter, 0, 12);
      counter[15] = 2; // inc32(J0), J0 = IV || 0^31 || 1
      Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
      ctr.init(Cipher.DECRYPT_MODE, cek, new IvParameterSpec(counter));
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      long size = 0;
      try (InputStream ciphertext = Base64.getUrlDecoder().wrap(in.untilDot());
          OutputStream out = Files.newOutputStream(plaintext)) {
        byte[] buffer = new byte[64 << 10];
        for (int n; (n = ciphertext.read(buffer)) > 0; ) {
          byte[] clear = ctr.update(buffer, 0, n);
          if (clear != null) {
            sha512.update(clear);
            out.write(clear);
            size += clear.length;
          }
        }
        byte[] rest = ctr.doFinal();
        sha512.update(rest);
        out.write(rest);
        size += rest.length;
      } catch (IllegalArgumentException e) {
        throw FormServerException.malformed("JWE-Chiffrat ist kein Base64url", e);
      }
      String tagB64 = in.small(MAX_TAG_CHARS, "Tag");
      in.requireEnd();
      byte[] tag = decode(tagB64);
      if (tag.length != 16) {
        throw FormServerException.malformed("JWE-Tag muss 128 Bit lang sein", null);
      }
      if (!MessageDigest.isEqual(tag, tagOf(plaintext, cek, iv, aad))) {
        throw FormServerException.malformed(
            "JWE nicht entschlüsselbar (falscher Schlüssel oder verändert)", null);
      }
      return new Result(size, sha512.digest(), tagB64);
    } catch (IOException e) {
      throw FormServerException.unavailable(
          "Anlage nicht vollständig gelesen: " + e.getClass().getSimpleName(), e);
    } catch (GeneralSecurityException e) {
      throw FormServerException.malformed(
          "JWE nicht entschlüsselbar (falscher Schlüssel oder verändert)", e);
    }
  }

  /** The GCM tag of the plaintext: encrypt it again and keep the last 16 bytes. */
  private static byte[] tagOf(Path plaintext, SecretKeySpec cek, byte[] iv, byte[] aad)
      throws IOException, GeneralSecurityException {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, cek, new GCMParameterSpec(128, iv));
    gcm.updateAAD(aad);
    byte[] buffer = new byte[64 << 10];
    try (InputStream in = Files.newInputStream(plaintext)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        gcm.update(buffer, 0, n);
      }
    }
    byte[] last = gcm.doFinal();
    byte[] tag = new byte[16];
    System.arraycopy(last, last.length - 16, tag, 0, 16);
    return tag;
  }

  private static SecretKeySpec unwrap(byte[] encryptedKey, RSAKey key, JWEAlgorithm alg)
      throws GeneralSecurityException {
    Cipher rsa;
    try {
      if (JWEAlgorithm.RSA_OAEP_256.equals(alg)) {
        rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(
            Cipher.DECRYPT_MODE,
            key.toRSAPrivateKey(),
            new OAEPParameterSpec(
                "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
      } else if (JWEAlgorithm.RSA_OAEP.equals(alg)) {
        rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        rsa.init(Cipher.DECRYPT_MODE, key.toRSAPrivateKey());
      } else {
        throw FormServerException.malformed("JWE-Algorithmus " + alg + " nicht zugelassen", null);
      }
    } catch (JOSEException e) {
      throw new GeneralSecurityException(e);
    }
    byte[] cek = rsa.doFinal(encryptedKey);
    if (cek.length != 32) {
      throw new GeneralSecurityException("content key is not 256 bits");
    }
    return new SecretKeySpec(cek, "AES");
  }

  private static byte[] decode(String base64url) {
    try {
      return Base64.getUrlDecoder().decode(base64url);
    } catch (IllegalArgumentException e) {
      throw FormServerException.malformed("JWE-Teil ist kein Base64url", e);
    }
  }

  /** The five dot-separated parts of the compact serialisation, read from one stream. */
  private static final class Segments {
    private final InputStream in;
    private long left;

    Segments(InputStream in, long maxChars) {
      this.in = in;
      this.left = maxChars;
    }

    private int next() throws IOException {
      int c = in.read();
      if (c >= 0 && --left < 0) {
        throw FormServerException.malformed("Verschlüsselter Teil ist zu groß", null);
      }
      return c;
    }

    /** A short part up to the next dot (or the end, for the tag), without whitespace around. */
    String small(int max, String what) throws IOException {
      ByteArrayOutputStream part = new ByteArrayOutputStream();
      for (int c; (c = next()) >= 0 && c != '.'; ) {
        if (part.size() >= max) {
          throw FormServerException.malformed("JWE-" + what + " ist zu lang", null);
        }
        if (!Character.isWhitespace(c)) {
          part.write(c);
        }
      }
      if (part.size() == 0 && !"Schlüssel".equals(what)) {
        throw FormServerException.malformed("Kein JWE in kompakter Serialisierung", null);
      }
      return part.toString(StandardCharsets.US_ASCII);
    }

    /** The ciphertext part as a stream that ends at the next dot. */
    InputStream untilDot() {
      return new InputStream() {
        private boolean done;

        @Override
        public int read() throws IOException {
          if (done) {
            return -1;
          }
          int c = next();
          if (c < 0) {
            throw FormServerException.malformed("Kein JWE in kompakter Serialisierung", null);
          }
          if (c == '.') {
            done = true;
            return -1;
          }
          return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = 0;
          while (n < len) {
            int c = read();
            if (c < 0) {
              return n == 0 ? -1 : n;
            }
            b[off + n++] = (byte) c;
          }
          return n;
        }
      };
    }

    void requireEnd() throws IOException {
      for (int c; (c = next()) >= 0; ) {
        if (!Character.isWhitespace(c)) {
          throw FormServerException.malformed("Kein JWE in kompakter Serialisierung", null);
        }
      }
    }
  }
}
