package de.buergerbuero.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static List<AuditRecord> chain(int n) {
    List<AuditRecord> list = new ArrayList<>();
    String prev = AuditChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      Instant at = Instant.parse("2026-11-27T10:00:00Z").plusSeconds(i);
      String hash =
          AuditChain.hash(
              prev, i, at, "staff:clerk", "APPLICATION_READ", "application", "id-" + i, null);
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
              hash));
      prev = hash;
    }
    return list;
  }

  private static AuditChain.Verification verify(
      List<AuditRecord> entries, long headSeq, String headHash) {
    var v = new AuditChain.Verifier();
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
            r.hash()));
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
            forged));
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
}
