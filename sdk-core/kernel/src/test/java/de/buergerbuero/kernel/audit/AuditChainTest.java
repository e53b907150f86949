package de.buergerbuero.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  static final AuditKey KEY = AuditKey.of("test-audit-key-0123456789abcdef-0123456789");

  private static List<AuditRecord> chain(int n) {
    List<AuditRecord> list = new ArrayList<>();
    String prev = AuditChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      Instant at = Instant.parse("2026-11-27T10:00:00Z").plusSeconds(i);
      String hash =
          AuditChain.hash(
              KEY, prev, i, at, "staff:clerk", "APPLICATION_READ", "application", "id-" + i, null);
      list.add(
          new AuditRecord(
              i,
              at,
              "staff:clerk",
              "APPLICATION_READ",
              "application",
              "id-" + i,
              null,
              prev,
              hash,
              KEY.id()));
      prev = hash;
    }
    return list;
  }

  private static AuditChain.Verification verify(
      List<AuditRecord> entries, long headSeq, String headHash) {
    var v = new AuditChain.Verifier(KEY, 0);
    for (AuditRecord r : entries) {
      if (!v.accept(r)) {
        break;
      }
    }
    return v.finish(headSeq, headHash);
  }

  @Test
  @DisplayName("an untouched chain verifies")
  void intact() {
    var c = chain(5);
    var result = verify(c, 5, c.get(4).hash());
    assertThat(result.intact()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(5);
  }

  @Test
  @DisplayName("an empty log verifies against the genesis head")
  void empty() {
    assertThat(verify(List.of(), 0, AuditChain.GENESIS).intact()).isTrue();
  }

  @Test
  @DisplayName("a changed entry is detected at its sequence number")
  void changed() {
    var c = chain(5);
    AuditRecord r = c.get(2);
    c.set(
        2,
        new AuditRecord(
            r.seq(),
            r.occurredAt(),
            "staff:someone-else",
            r.action(),
            r.objectType(),
            r.objectId(),
            r.detail(),
            r.prevHash(),
            r.hash(),
            r.keyId()));
    var result = verify(c, 5, c.get(4).hash());
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(3);
    assertThat(result.reason()).contains("changed");
  }

  @Test
  @DisplayName("an entry changed together with its own hash breaks the link to the next one")
  void rehashed() {
    var c = chain(5);
    AuditRecord r = c.get(1);
    String forged =
        AuditChain.hash(
            KEY,
            r.prevHash(),
            r.seq(),
            r.occurredAt(),
            r.actor(),
            "STATUS_CHANGED",
            r.objectType(),
            r.objectId(),
            r.detail());
    c.set(
        1,
        new AuditRecord(
            r.seq(),
            r.occurredAt(),
            r.actor(),
            "STATUS_CHANGED",
            r.objectType(),
            r.objectId(),
            r.detail(),
            r.prevHash(),
            forged,
            r.keyId()));
    var result = verify(c, 5, c.get(4).hash());
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  @DisplayName("a deleted entry in the middle is detected")
  void deletedInMiddle() {
    var c = chain(5);
    String head = c.get(4).hash();
    c.remove(2);
    var result = verify(c, 5, head);
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  @DisplayName("deleting the newest entries is detected against the stored head")
  void deletedAtEnd() {
    var c = chain(5);
    String head = c.get(4).hash();
    c.remove(4);
    var result = verify(c, 5, head);
    assertThat(result.intact()).isFalse();
    assertThat(result.reason()).contains("deleted");
  }

  /** What someone with write access to the database but without the key can compute. */
  private static List<AuditRecord> rewriteFrom(
      List<AuditRecord> c, int index, String actor, AuditKey attackerKey, boolean unkeyed) {
    List<AuditRecord> out = new ArrayList<>(c.subList(0, index));
    String prev = index == 0 ? AuditChain.GENESIS : c.get(index - 1).hash();
    for (AuditRecord r : c.subList(index, c.size())) {
      String a = r.seq() == index + 1 ? actor : r.actor();
      String hash =
          unkeyed
              ? AuditChain.unkeyedHash(
                  prev,
                  r.seq(),
                  r.occurredAt(),
                  a,
                  r.action(),
                  r.objectType(),
                  r.objectId(),
                  r.detail())
              : AuditChain.hash(
                  attackerKey,
                  prev,
                  r.seq(),
                  r.occurredAt(),
                  a,
                  r.action(),
                  r.objectType(),
                  r.objectId(),
                  r.detail());
      out.add(
          new AuditRecord(
              r.seq(),
              r.occurredAt(),
              a,
              r.action(),
              r.objectType(),
              r.objectId(),
              r.detail(),
              prev,
              hash,
              unkeyed ? null : attackerKey.id()));
      prev = hash;
    }
    return out;
  }

  @Test
  @DisplayName(
      "an entry rewritten with the whole rest of the chain recomputed, without the key, is detected")
  void rewrittenWithoutKey() {
    var c = chain(5);
    var plain = rewriteFrom(c, 2, "staff:mallory", null, true);
    var result = verify(plain, 5, plain.get(4).hash());
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(3);

    AuditKey guessed = AuditKey.of("a-key-the-attacker-made-up-0123456789abcdef");
    var forged = rewriteFrom(c, 2, "staff:mallory", guessed, false);
    // even claiming the real key's id does not help: the MAC does not match
    List<AuditRecord> claimed = new ArrayList<>();
    for (AuditRecord r : forged) {
      claimed.add(
          new AuditRecord(
              r.seq(),
              r.occurredAt(),
              r.actor(),
              r.action(),
              r.objectType(),
              r.objectId(),
              r.detail(),
              r.prevHash(),
              r.hash(),
              KEY.id()));
    }
    result = verify(claimed, 5, claimed.get(4).hash());
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(3);
    assertThat(result.reason()).contains("changed");
  }

  @Test
  @DisplayName("entries sealed before the chain was keyed still verify; keyed ones follow them")
  void unkeyedPrefix() {
    var legacy = rewriteFrom(chain(3), 0, "staff:clerk", null, true);
    List<AuditRecord> c = new ArrayList<>(legacy);
    String prev = legacy.get(2).hash();
    Instant at = Instant.parse("2026-11-28T10:00:00Z");
    String h = AuditChain.hash(KEY, prev, 4, at, "system", "X", "application", "a", null);
    c.add(new AuditRecord(4, at, "system", "X", "application", "a", null, prev, h, KEY.id()));
    var v = new AuditChain.Verifier(KEY, 3);
    c.forEach(v::accept);
    assertThat(v.finish(4, h).intact()).isTrue();

    // ... but a plain entry after the keyed start is refused
    var w = new AuditChain.Verifier(KEY, 2);
    c.forEach(w::accept);
    assertThat(w.finish(4, h).intact()).isFalse();
  }

  @Test
  @DisplayName(
      "deleting the newest entries and setting the head back is detected against an exported"
          + " anchor; a forged anchor is refused")
  void anchors() {
    var c = chain(5);
    AuditAnchor anchor =
        new AuditAnchor(5, c.get(4).hash(), 0, KEY.id(), Instant.parse("2026-11-28T00:05:00Z"));
    AuditAnchor read = AuditAnchor.parse(anchor.toText(KEY), KEY);
    assertThat(read).isEqualTo(anchor);

    // the head in the database set back to entry 3, entries 4 and 5 deleted: the chain verifies
    var truncated = c.subList(0, 3);
    assertThat(verify(truncated, 3, truncated.get(2).hash()).intact()).isTrue();
    var problem =
        AuditAnchor.check(
            List.of(read),
            new AuditLog.Head(3, truncated.get(2).hash(), 0),
            seq -> seq <= 3 ? c.get((int) seq - 1).hash() : null);
    assertThat(problem).isPresent();
    assertThat(problem.get().reason()).contains("entries after 3 were deleted");

    // untouched: no problem
    assertThat(
            AuditAnchor.check(
                List.of(read),
                new AuditLog.Head(5, c.get(4).hash(), 0),
                seq -> c.get((int) seq - 1).hash()))
        .isEmpty();

    String tampered = anchor.toText(KEY).replace("seq=5", "seq=3");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditAnchor.parse(tampered, KEY))
        .hasMessageContaining("MAC");
  }
}
