package de.buergerbuero.kernel.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The hash chain of the audit log. Each entry's hash is an HMAC-SHA-256 under a key held outside
 * the database ({@link AuditKey}) over the previous hash and every field of the entry, each
 * length-prefixed so that no two different entries encode alike. Without the key nobody can compute
 * a valid entry, so changing, inserting or deleting an entry breaks the chain at that point even
 * when the writer recomputes the hashes after it. Deleting the newest entries (and setting the head
 * back) is caught only against an exported anchor ({@link AuditAnchors}).
 *
 * <p>Entries sealed before the chain was keyed (up to the head's {@code unkeyed_until}) carry a
 * plain SHA-256 over the same encoding and no key id.
 */
public final class AuditChain {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The keyed hash (HMAC-SHA-256) of an entry. */
  public static String hash(
      AuditKey key,
      String prevHash,
      long seq,
      Instant occurredAt,
      String actor,
      String action,
      String objectType,
      String objectId,
      String detail) {
    var mac = key.newMac();
    byte[] encoded = encode(prevHash, seq, occurredAt, actor, action, objectType, objectId, detail);
    return HexFormat.of().formatHex(mac.doFinal(encoded));
  }

  private static byte[] encode(
      String prevHash,
      long seq,
      Instant occurredAt,
      String actor,
      String action,
      String objectType,
      String objectId,
      String detail) {
    var out = new java.io.ByteArrayOutputStream();
    field(out, prevHash);
    out.writeBytes(ByteBuffer.allocate(16).putLong(seq).putLong(occurredAt.toEpochMilli()).array());
    field(out, actor);
    field(out, action);
    field(out, objectType);
    field(out, objectId);
    field(out, detail == null ? "" : detail);
    return out.toByteArray();
  }

  private static void field(java.io.ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  /** The unkeyed SHA-256 of entries sealed before the chain was keyed (verification only). */
  static String unkeyedHash(
      String prevHash,
      long seq,
      Instant occurredAt,
      String actor,
      String action,
      String objectType,
      String objectId,
      String detail) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(
              sha.digest(
                  encode(prevHash, seq, occurredAt, actor, action, objectType, objectId, detail)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The result of a verification. */
  @Schema(description = "Result of verifying the audit log's hash chain.")
  public record Verification(
      boolean intact, long entriesChecked, Long firstBrokenSeq, String reason, int anchorsChecked) {
    static Verification ok(long checked) {
      return new Verification(true, checked, null, null, 0);
    }

    static Verification broken(long checked, long seq, String reason) {
      return new Verification(false, checked, seq, reason, 0);
    }

    /** This result with the outcome of comparing the chain with the exported anchors. */
    public Verification withAnchors(int checked, Long brokenSeq, String problem) {
      if (!intact || problem == null) {
        return new Verification(intact, entriesChecked, firstBrokenSeq, reason, checked);
      }
      return new Verification(false, entriesChecked, brokenSeq, problem, checked);
    }
  }

  /** Checks entries one by one in sequence order; feed every entry, then call {@link #finish}. */
  public static final class Verifier {
    private final AuditKey key;
    private final long unkeyedUntil;
    private long expectedSeq = 1;
    private String prevHash = GENESIS;
    private long checked;
    private Verification failure;

    /**
     * @param key the chain's key
     * @param unkeyedUntil the last entry sealed before the chain was keyed (0: none)
     */
    public Verifier(AuditKey key, long unkeyedUntil) {
      this.key = key;
      this.unkeyedUntil = unkeyedUntil;
    }

    /** Returns false once the chain is broken (further entries are ignored). */
    public boolean accept(AuditRecord r) {
      if (failure != null) {
        return false;
      }
      checked++;
      if (r.seq() != expectedSeq) {
        failure =
            Verification.broken(
                checked,
                expectedSeq,
                "entry " + expectedSeq + " is missing (found " + r.seq() + ")");
        return false;
      }
      if (!r.prevHash().equals(prevHash)) {
        failure = Verification.broken(checked, r.seq(), "previous hash does not match");
        return false;
      }
      boolean keyed = r.seq() > unkeyedUntil;
      if (keyed && !key.id().equals(r.keyId())) {
        failure =
            Verification.broken(
                checked,
                r.seq(),
                r.keyId() == null
                    ? "entry has no key (written without the audit key)"
                    : "entry was sealed with another key (" + r.keyId() + ")");
        return false;
      }
      String expected =
          keyed
              ? hash(
                  key,
                  r.prevHash(),
                  r.seq(),
                  r.occurredAt(),
                  r.actor(),
                  r.action(),
                  r.objectType(),
                  r.objectId(),
                  r.detail())
              : unkeyedHash(
                  r.prevHash(),
                  r.seq(),
                  r.occurredAt(),
                  r.actor(),
                  r.action(),
                  r.objectType(),
                  r.objectId(),
                  r.detail());
      if (!expected.equals(r.hash())) {
        failure = Verification.broken(checked, r.seq(), "entry was changed");
        return false;
      }
      prevHash = r.hash();
      expectedSeq++;
      return true;
    }

    /** Compares the last entry seen with the head the log stored on its last append. */
    public Verification finish(long headSeq, String headHash) {
      if (failure != null) {
        return failure;
      }
      if (expectedSeq - 1 != headSeq || !prevHash.equals(headHash)) {
        return Verification.broken(
            checked, expectedSeq, "entries after " + (expectedSeq - 1) + " were deleted");
      }
      return Verification.ok(checked);
    }
  }
}
