package de.buergerbuero.kernel.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 as lower-case hex, for checksums (migrations, attachments); HMACs for peers that sign
 * their callbacks with a shared secret, compared in constant time.
 */
public final class Hashes {
  private Hashes() {}

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The HMAC ({@code HmacSHA256}, {@code HmacSHA512}) of the parts, one after the other. */
  public static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
    }
  }

  /**
   * Whether a hex value a peer sent (either case, surrounding blanks ignored) is the expected MAC;
   * compared in constant time, false for anything that is not hex.
   */
  public static boolean matchesHex(byte[] expected, String givenHex) {
    if (givenHex == null) {
      return false;
    }
    try {
      byte[] given = HexFormat.of().parseHex(givenHex.strip().toLowerCase(Locale.ROOT));
      return MessageDigest.isEqual(expected, given);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
