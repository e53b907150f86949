package de.buergerbuero.kernel.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret for HMAC-SHA-256, held outside the database. Its id (the first 16 hex digits of a MAC
 * over a fixed label) is stored with what it protects, so a verification names a wrong key instead
 * of reporting every entry as changed.
 */
public final class AuditKey {
  private final SecretKeySpec key;
  private final String id;

  public AuditKey(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < 32) {
      throw new IllegalArgumentException("an audit key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.id =
        HexFormat.of().formatHex(mac("buergerbuero-audit-key-id".getBytes(UTF8))).substring(0, 16);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /** A key from its configured text (at least 32 characters). */
  public static AuditKey of(String secret) {
    return new AuditKey(secret.getBytes(UTF8));
  }

  public String id() {
    return id;
  }

  /** A fresh MAC computation. */
  Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] mac(byte[] data) {
    return newMac().doFinal(data);
  }

  /** Hex MAC of a text. */
  public String macHex(String text) {
    return HexFormat.of().formatHex(mac(text.getBytes(UTF8)));
  }

  @Override
  public String toString() {
    return "AuditKey[" + id + "]";
  }
}
