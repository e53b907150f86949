package de.buergerbuero.connector.fitconnect;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.buergerbuero.connector.fitconnect.api.FitConnectClient;
import de.buergerbuero.kernel.spi.forms.FormServerException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds and checks the Zustelldienst's {@code submit-submission} event of a submission, as the
 * FIT-Connect documentation requires of a subscriber ("SET Prüfung"; "Überprüfung der
 * Authentication Tags"): header {@code typ=secevent+jwt}, {@code alg=PS512} and a {@code kid} of
 * the Zustelldienst's published keys ({@code /.well-known/jwks.json}); claims {@code iss}, {@code
 * iat} (not in the future), {@code jti}, {@code sub=submission:<id>}, {@code txn=case:<caseId>} and
 * exactly one event; a valid signature. Its {@code authenticationTags} are what the parts of the
 * submission must carry.
 */
final class SubmitEvents {
  static final String SUBMIT = "https://schema.fitko.de/fit-connect/events/submit-submission";
  private static final Duration SKEW = Duration.ofMinutes(1);

  private final FitConnectClient client;
  private final Clock clock;
  private volatile JWKSet keys;

  /** The authentication tags a submit event names: metadata, data, attachment id → tag. */
  record Tags(String metadata, String data, Map<String, String> attachments) {}

  SubmitEvents(FitConnectClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * @throws FormServerException unavailable when the event log has no submit event yet (fetched
   *     again later), malformed when the event is not the Zustelldienst's or not well-formed
   */
  Tags of(String submissionId, String caseId) {
    SignedJWT found = null;
    for (String token : client.eventLog(caseId)) {
      SignedJWT jwt;
      JWTClaimsSet claims;
      try {
        jwt = SignedJWT.parse(token == null ? "" : token.strip());
        claims = jwt.getJWTClaimsSet();
      } catch (ParseException e) {
        continue; // other entries are not ours to judge
      }
      if (("submission:" + submissionId).equals(claims.getSubject())
          && events(claims).containsKey(SUBMIT)) {
        found = jwt;
      }
    }
    if (found == null) {
      throw FormServerException.unavailable(
          "Kein submit-submission-Ereignis im Ereignisprotokoll", null);
    }
    return verify(found, submissionId, caseId);
  }

  private Tags verify(SignedJWT jwt, String submissionId, String caseId) {
    var header = jwt.getHeader();
    if (!JWSAlgorithm.PS512.equals(header.getAlgorithm())
        || !new JOSEObjectType("secevent+jwt").equals(header.getType())
        || header.getKeyID() == null) {
      throw invalid("Header muss typ=secevent+jwt, alg=PS512 und kid tragen");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid("Nutzdaten nicht lesbar");
    }
    if (claims.getIssuer() == null
        || claims.getIssueTime() == null
        || claims.getJWTID() == null
        || events(claims).size() != 1) {
      throw invalid("iss, iat, jti und genau ein Ereignis sind Pflicht");
    }
    if (claims.getIssueTime().toInstant().isAfter(clock.instant().plus(SKEW))) {
      throw invalid("iat liegt in der Zukunft");
    }
    if (!("case:" + caseId).equals(String.valueOf(claims.getClaim("txn")))) {
      throw invalid("txn nennt einen anderen Vorgang");
    }
    RSAKey key = key(header.getKeyID());
    try {
      if (!jwt.verify(new RSASSAVerifier(key))) {
        throw invalid("Signatur des Zustelldienstes ungültig");
      }
    } catch (JOSEException e) {
      throw invalid("Signatur des Zustelldienstes nicht prüfbar");
    }
    Object payload = events(claims).get(SUBMIT);
    Object tags = payload instanceof Map<?, ?> p ? p.get("authenticationTags") : null;
    if (!(tags instanceof Map<?, ?> t)) {
      throw invalid("authenticationTags fehlen");
    }
    Map<String, String> attachments = new LinkedHashMap<>();
    if (t.get("attachments") instanceof Map<?, ?> a) {
      a.forEach((id, tag) -> attachments.put(String.valueOf(id), String.valueOf(tag)));
    }
    return new Tags(text(t.get("metadata")), text(t.get("data")), Map.copyOf(attachments));
  }

  private RSAKey key(String kid) {
    for (int attempt = 0; attempt < 2; attempt++) {
      if (keys == null || attempt > 0) {
        try {
          keys = JWKSet.parse(client.zustelldienstKeys());
        } catch (ParseException e) {
          throw FormServerException.unavailable("Schlüssel des Zustelldienstes nicht lesbar", e);
        }
      }
      JWK key = keys.getKeyByKeyId(kid);
      if (key instanceof RSAKey rsa) {
        return rsa;
      }
    }
    throw invalid("Schlüssel " + kid + " ist keiner des Zustelldienstes (Signatur nicht prüfbar)");
  }

  private static Map<String, Object> events(JWTClaimsSet claims) {
    try {
      Map<String, Object> events = claims.getJSONObjectClaim("events");
      return events == null ? Map.of() : events;
    } catch (ParseException e) {
      return Map.of();
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static FormServerException invalid(String why) {
    return FormServerException.malformed("submit-submission-Ereignis ungültig: " + why, null);
  }
}
