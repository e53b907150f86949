package de.buergerbuero.connector.servicekonto;

import static de.buergerbuero.connector.servicekonto.SamlException.Reason.MALFORMED;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.NOT_SIGNED;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.SIGNATURE_INVALID;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.w3c.dom.Document;

/**
 * The SAML HTTP-Redirect binding (SAML bindings §3.4): a message deflated, base64- and URL-encoded
 * in the query, signed over the URL-encoded parameters {@code SAMLRequest|SAMLResponse}, {@code
 * RelayState}, {@code SigAlg} in this order.
 */
final class RedirectBinding {
  static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
  private static final Map<String, String> ALGORITHMS =
      Map.of(
          RSA_SHA256,
          "SHA256withRSA",
          "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
          "SHA512withRSA",
          "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
          "SHA256withECDSA",
          "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512",
          "SHA512withECDSA");

  private RedirectBinding() {}

  /** The URL to send the browser to: {@code endpoint} with the (signed) message. */
  static String url(
      String endpoint, String parameter, String xml, String relayState, SpCredential signer) {
    String query =
        parameter
            + "="
            + url(Base64.getEncoder().encodeToString(deflate(xml)))
            + (relayState == null ? "" : "&RelayState=" + url(relayState));
    if (signer != null) {
      query += "&SigAlg=" + url(RSA_SHA256);
      try {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(signer.key());
        rsa.update(query.getBytes(StandardCharsets.US_ASCII));
        query += "&Signature=" + url(Base64.getEncoder().encodeToString(rsa.sign()));
      } catch (GeneralSecurityException e) {
        throw new SamlException(SamlException.Reason.METADATA, "cannot sign", e);
      }
    }
    return endpoint + (endpoint.contains("?") ? "&" : "?") + query;
  }

  /** A received message: the parsed XML and the RelayState. */
  record Received(Document message, String parameter, String relayState) {}

  /**
   * Reads a message from the raw (still URL-encoded) query string and verifies its signature with
   * one of {@code trusted}; unsigned messages are refused.
   */
  static Received receive(String rawQuery, List<X509Certificate> trusted) {
    if (rawQuery == null || rawQuery.length() > SecureXml.MAX_BYTES) {
      throw new SamlException(MALFORMED, "no or too large a query");
    }
    Map<String, String> raw = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (raw.putIfAbsent(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
        throw new SamlException(MALFORMED, "parameter " + name + " twice");
      }
    }
    String parameter = raw.containsKey("SAMLRequest") ? "SAMLRequest" : "SAMLResponse";
    if (!raw.containsKey(parameter)
        || (raw.containsKey("SAMLRequest") && raw.containsKey("SAMLResponse"))) {
      throw new SamlException(MALFORMED, "one SAMLRequest or SAMLResponse expected");
    }
    if (!raw.containsKey("Signature") || !raw.containsKey("SigAlg")) {
      throw new SamlException(NOT_SIGNED, "the message is not signed");
    }
    String sigAlg = decode(raw.get("SigAlg"));
    String jca = ALGORITHMS.get(sigAlg);
    if (jca == null) {
      throw new SamlException(SIGNATURE_INVALID, "signature algorithm not allowed");
    }
    String signed =
        parameter
            + "="
            + raw.get(parameter)
            + (raw.containsKey("RelayState") ? "&RelayState=" + raw.get("RelayState") : "")
            + "&SigAlg="
            + raw.get("SigAlg");
    byte[] signature;
    try {
      signature = Base64.getMimeDecoder().decode(decode(raw.get("Signature")));
    } catch (IllegalArgumentException e) {
      throw new SamlException(SIGNATURE_INVALID, "signature is not base64");
    }
    boolean valid = false;
    for (X509Certificate cert : trusted) {
      try {
        Signature verifier = Signature.getInstance(jca);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(signed.getBytes(StandardCharsets.US_ASCII));
        valid |= verifier.verify(signature);
      } catch (GeneralSecurityException e) {
        // another key type; try the next certificate
      }
    }
    if (!valid) {
      throw new SamlException(SIGNATURE_INVALID, "redirect signature does not verify");
    }
    byte[] xml;
    try {
      xml = inflate(Base64.getMimeDecoder().decode(decode(raw.get(parameter))));
    } catch (IllegalArgumentException e) {
      throw new SamlException(MALFORMED, "message is not base64");
    }
    String relayState = raw.containsKey("RelayState") ? decode(raw.get("RelayState")) : null;
    return new Received(SecureXml.parse(xml), parameter, relayState);
  }

  private static byte[] deflate(String xml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflater =
        new DeflaterOutputStream(out, new Deflater(Deflater.DEFLATED, true))) {
      deflater.write(xml.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Inflates at most {@link SecureXml#MAX_BYTES} (no deflate bomb). */
  private static byte[] inflate(byte[] deflated) {
    try (InputStream in =
        new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(true))) {
      byte[] xml = in.readNBytes(SecureXml.MAX_BYTES + 1);
      if (xml.length > SecureXml.MAX_BYTES) {
        throw new SamlException(MALFORMED, "message too large");
      }
      return xml;
    } catch (IOException e) {
      throw new SamlException(MALFORMED, "message not deflated");
    }
  }

  private static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SamlException(MALFORMED, "not URL-encoded");
    }
  }
}
