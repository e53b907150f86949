package de.buergerbuero.connector.servicekonto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The SP's signing key and certificate: AuthnRequests are signed with it (BundID requires signed
 * requests) and the certificate is published in the SP metadata.
 */
public record SpCredential(PrivateKey key, X509Certificate certificate) {
  public SpCredential {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** Reads the key entry {@code alias} of a PKCS#12 keystore. */
  public static SpCredential fromPkcs12(Path file, char[] password, String alias) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      if (!(store.getKey(alias, password) instanceof PrivateKey key)
          || !(store.getCertificate(alias) instanceof X509Certificate cert)) {
        throw new SamlException(SamlException.Reason.METADATA, "no key entry '" + alias + "'");
      }
      return new SpCredential(key, cert);
    } catch (IOException | GeneralSecurityException e) {
      throw new SamlException(SamlException.Reason.METADATA, "SP keystore not readable", e);
    }
  }
}
