package de.buergerbuero.kernel.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The hash chain of the audit log. Each entry's hash covers the previous hash and every field of
 * the entry, each length-prefixed so that no two different entries encode alike. Changing,
 * inserting or deleting an entry breaks the chain at that point; deleting the newest entries is
 * caught by comparing with the stored head.
 */
public final class AuditChain {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  public static String hash(
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
      field(sha, prevHash);
      sha.update(ByteBuffer.allocate(16).putLong(seq).putLong(occurredAt.toEpochMilli()).array());
      field(sha, actor);
      field(sha, action);
      field(sha, objectType);
      field(sha, objectId);
      field(sha, detail == null ? "" : detail);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void field(MessageDigest sha, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }

  /** The result of a verification. */
  @Schema(description = "Result of verifying the audit log's hash chain.")
  public record Verification(
      boolean intact, long entriesChecked, Long firstBrokenSeq, String reason) {
    static Verification ok(long checked) {
      return new Verification(true, checked, null, null);
    }

    static Verification broken(long checked, long seq, String reason) {
      return new Verification(false, checked, seq, reason);
    }
  }

  /** Checks entries one by one in sequence order; feed every entry, then call {@link #finish}. */
  public static final class Verifier {
    private long expectedSeq = 1;
    private String prevHash = GENESIS;
    private long checked;
    private Verification failure;

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
      String expected =
          hash(
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
