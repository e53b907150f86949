package de.buergerbuero.kernel.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The chain's head at one moment, exported outside the database and authenticated with an
 * HMAC-SHA-256 under the audit key. A later verification compares the chain with every anchor: an
 * entry at an anchored position with another hash means the chain was rewritten; a head before an
 * anchored position means the newest entries were deleted.
 *
 * @param seq the head's position
 * @param hash the head's hash
 * @param unkeyedUntil the last entry sealed before the chain was keyed
 * @param keyId the id of the key that authenticates this anchor
 * @param createdAt when the anchor was taken
 */
public record AuditAnchor(
    long seq, String hash, long unkeyedUntil, String keyId, Instant createdAt) {
  static final String FORMAT = "buergerbuero-audit-anchor 1";

  /** The anchor as text, with its MAC on the last line. */
  public String toText(AuditKey key) {
    String body = body();
    return body + "mac=" + key.macHex(body) + "\n";
  }

  private String body() {
    return FORMAT
        + "\nseq="
        + seq
        + "\nhash="
        + hash
        + "\nunkeyed-until="
        + unkeyedUntil
        + "\nkey-id="
        + keyId
        + "\ncreated-at="
        + createdAt
        + "\n";
  }

  /** Reads an anchor; fails when the text is not one or its MAC does not match {@code key}. */
  public static AuditAnchor parse(String text, AuditKey key) {
    Map<String, String> f = new LinkedHashMap<>();
    String[] lines = text.split("\n");
    if (lines.length != 7 || !FORMAT.equals(lines[0])) {
      throw new IllegalArgumentException("not an audit anchor");
    }
    for (int i = 1; i < lines.length; i++) {
      int eq = lines[i].indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("not an audit anchor");
      }
      f.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
    }
    AuditAnchor a;
    try {
      a =
          new AuditAnchor(
              Long.parseLong(f.get("seq")),
              f.get("hash"),
              Long.parseLong(f.get("unkeyed-until")),
              f.get("key-id"),
              Instant.parse(f.get("created-at")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an audit anchor");
    }
    if (!key.id().equals(a.keyId())) {
      throw new IllegalArgumentException("anchor of another key (" + a.keyId() + ")");
    }
    byte[] expected = key.macHex(a.body()).getBytes(StandardCharsets.US_ASCII);
    byte[] given = String.valueOf(f.get("mac")).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new IllegalArgumentException("anchor MAC does not match (forged or changed)");
    }
    return a;
  }

  /** A verification problem: the first position concerned and why. */
  public record Problem(long seq, String reason) {}

  /**
   * Compares the chain with anchors.
   *
   * @param head the chain's head now
   * @param hashAt the hash of the entry at a position, null when there is none
   */
  public static Optional<Problem> check(
      List<AuditAnchor> anchors, AuditLog.Head head, LongFunction<String> hashAt) {
    for (AuditAnchor a : anchors) {
      if (a.unkeyedUntil() != head.unkeyedUntil()) {
        return Optional.of(
            new Problem(
                a.seq(), "the start of the keyed chain was moved (anchor " + a.seq() + ")"));
      }
      if (a.seq() > head.seq()) {
        return Optional.of(
            new Problem(
                head.seq() + 1,
                "entries after "
                    + head.seq()
                    + " were deleted (an anchor of "
                    + a.createdAt()
                    + " names entry "
                    + a.seq()
                    + ")"));
      }
      String actual = a.seq() == 0 ? AuditChain.GENESIS : hashAt.apply(a.seq());
      if (!a.hash().equals(actual)) {
        return Optional.of(
            new Problem(
                a.seq(),
                "entry "
                    + a.seq()
                    + " differs from the anchor of "
                    + a.createdAt()
                    + " (the chain was rewritten)"));
      }
    }
    return Optional.empty();
  }
}
