package de.buergerbuero.connector.zbp;

import de.buergerbuero.kernel.error.ConfigurationException;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The two signatures the ZBP asks for besides the TLS client certificate, both with the BPKI key:
 *
 * <ul>
 *   <li>the bearer token: a JWT signed RS512 with {@code iat}, {@code exp} (one hour), {@code
 *       signer} (the certificate's CN) and {@code roles: ["THIRD_PARTY"]};
 *   <li>the envelope around each message or status: {@code {"content": "<the JSON as a string>",
 *       "sha512sum": "<Base64 of the SHA512withRSA signature over exactly that string>"}}.
 * </ul>
 */
final class ZbpSigning {
  static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final String signer;

  ZbpSigning(KeyStore store, char[] password) {
    try {
      String alias =
          Collections.list(store.aliases()).stream()
              .filter(a -> isKey(store, a))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          ZbpConfig.PREFIX + "keystore holds no private key"));
      this.key = (PrivateKey) store.getKey(alias, password);
      this.certificate = (X509Certificate) store.getCertificate(alias);
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(
          ZbpConfig.PREFIX + "keystore: cannot read the key (" + e.getMessage() + ")");
    }
    if (!"RSA".equals(key.getAlgorithm())) {
      throw new ConfigurationException(ZbpConfig.PREFIX + "keystore: the BPKI key must be RSA");
    }
    this.signer = commonName(certificate);
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static String commonName(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if ("CN".equalsIgnoreCase(rdn.getType())) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      // fall through
    }
    return certificate.getSubjectX500Principal().getName();
  }

  /** A fresh bearer token. */
  String token(Instant now) {
    B64 b64 = new B64();
    String header =
        b64.url(
            Json.createObjectBuilder()
                .add("typ", "JWT")
                .add("alg", "RS512")
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
    String claims =
        b64.url(
            Json.createObjectBuilder()
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(TOKEN_LIFETIME).getEpochSecond())
                .add("signer", signer)
                .add("roles", Json.createArrayBuilder().add("THIRD_PARTY"))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
    String input = header + "." + claims;
    return input + "." + b64.url(sign(input));
  }

  /** The signed envelope around a message or status (JSON text). */
  String envelope(String content) {
    return Json.createObjectBuilder()
        .add("content", content)
        .add("sha512sum", Base64.getEncoder().encodeToString(sign(content)))
        .build()
        .toString();
  }

  private byte[] sign(String text) {
    try {
      Signature s = Signature.getInstance("SHA512withRSA");
      s.initSign(key);
      s.update(text.getBytes(StandardCharsets.UTF_8));
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA512withRSA is part of every Java runtime", e);
    }
  }

  private static final class B64 {
    String url(byte[] bytes) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
  }
}
