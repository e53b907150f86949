package de.buergerbuero.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import de.buergerbuero.kernel.spi.dms.FilingConfirmation;
import de.buergerbuero.kernel.spi.dms.FilingConfirmations;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The compatibility kit of DMS connectors that confirm imports later ({@link FilingConfirmations},
 * e.g. xdomea's 0402 answer to a 0401 message). The outbox keeps such a filing waiting until the
 * confirmation arrives and marks it delivered or failed; this kit pins down what it relies on:
 * confirmations arrive at least once, for the right case, with the DMS's reason, until the SDK says
 * {@linkplain FilingConfirmations#done done}.
 *
 * <pre>
 * class MyDmsConfirmationsTest extends FilingConfirmationsCompatibilityKit {
 *   protected DocumentStore createStore() { return new MyDms(...); }
 *   protected void answer(String key, FiledCase filed, boolean imported, String reason) {
 *     // write the answer the real DMS would write for this filing
 *   }
 * }
 * </pre>
 */
public abstract class FilingConfirmationsCompatibilityKit {

  /** A fresh, empty store whose {@link DocumentStore#confirmations()} is present. */
  protected abstract DocumentStore createStore() throws Exception;

  /**
   * Plays the DMS: answers the filing made with {@code idempotencyKey} the way the real system does
   * (a file in the reply directory, a message on a queue, …).
   *
   * @param reason the DMS's reason when it did not import; null otherwise
   */
  protected abstract void answer(
      String idempotencyKey, FiledCase filed, boolean imported, String reason) throws Exception;

  /**
   * Plays a DMS that answers with something unreadable (truncated file, wrong format). Connectors
   * whose channel cannot carry such an answer leave the default, which skips the test.
   */
  protected void answerGarbage() throws Exception {
    throw new TestAbortedException("connector has no unreadable answer to simulate");
  }

  protected DocumentStore store;
  protected FilingConfirmations confirmations;

  @BeforeEach
  void createFreshStore() throws Exception {
    store = createStore();
    confirmations =
        store
            .confirmations()
            .orElseThrow(() -> new AssertionError("the store offers no confirmations"));
  }

  protected FiledCase file(String key, String reference) {
    byte[] pdf = "%PDF-1.7 Antrag".getBytes(StandardCharsets.UTF_8);
    CaseDocument doc =
        new CaseDocument(
            "Antrag.pdf", "application/pdf", pdf.length, () -> new ByteArrayInputStream(pdf));
    return store.fileCase(
        key,
        new CaseRecord(
            reference,
            "Meldebescheinigung",
            Map.of("serviceId", "meldebescheinigung", "department", "buergerbuero"),
            List.of(doc)));
  }

  @Nested
  @DisplayName("Waiting for the DMS")
  class Waiting {
    @Test
    @DisplayName("a filing says it waits for the DMS's confirmation")
    void waits() {
      FiledCase filed = file("k-1", "MS-2026-000001");
      assertThat(store.confirmsAsynchronously(filed.caseId())).isTrue();
    }

    @Test
    @DisplayName("nothing is confirmed before the DMS answers")
    void nothingBeforeAnswer() {
      file("k-1", "MS-2026-000001");
      assertThat(confirmations.poll()).isEmpty();
    }
  }

  @Nested
  @DisplayName("Answers")
  class Answers {
    @Test
    @DisplayName("an import is reported for its case, and no more once it is done")
    void imported() throws Exception {
      FiledCase filed = file("k-1", "MS-2026-000001");
      answer("k-1", filed, true, null);
      List<FilingConfirmation> found = confirmations.poll();
      assertThat(found).hasSize(1);
      assertThat(found.get(0).caseId()).isEqualTo(filed.caseId());
      assertThat(found.get(0).imported()).isTrue();
      confirmations.done(found.get(0));
      assertThat(confirmations.poll()).isEmpty();
    }

    @Test
    @DisplayName("a refusal is reported with the DMS's reason")
    void refused() throws Exception {
      FiledCase filed = file("k-1", "MS-2026-000001");
      answer("k-1", filed, false, "Aktenplan fehlt");
      List<FilingConfirmation> found = confirmations.poll();
      assertThat(found).hasSize(1);
      assertThat(found.get(0).imported()).isFalse();
      assertThat(found.get(0).reason()).contains("Aktenplan fehlt");
    }

    @Test
    @DisplayName("a confirmation not marked done is reported again (the SDK may crash in between)")
    void atLeastOnce() throws Exception {
      FiledCase filed = file("k-1", "MS-2026-000001");
      answer("k-1", filed, true, null);
      assertThat(confirmations.poll()).hasSize(1);
      assertThat(confirmations.poll())
          .singleElement()
          .satisfies(c -> assertThat(c.caseId()).isEqualTo(filed.caseId()));
    }

    @Test
    @DisplayName("answers to several filings are kept apart")
    void severalCases() throws Exception {
      FiledCase first = file("k-1", "MS-2026-000001");
      FiledCase second = file("k-2", "MS-2026-000002");
      answer("k-2", second, false, "Dublette");
      answer("k-1", first, true, null);
      List<FilingConfirmation> found = confirmations.poll();
      assertThat(found).hasSize(2);
      assertThat(found)
          .anySatisfy(
              c -> {
                assertThat(c.caseId()).isEqualTo(first.caseId());
                assertThat(c.imported()).isTrue();
              })
          .anySatisfy(
              c -> {
                assertThat(c.caseId()).isEqualTo(second.caseId());
                assertThat(c.imported()).isFalse();
                assertThat(c.reason()).contains("Dublette");
              });
    }

    @Test
    @DisplayName("an unreadable answer is set aside: not reported, and the next answer still is")
    void garbage() throws Exception {
      FiledCase filed = file("k-1", "MS-2026-000001");
      answerGarbage();
      assertThat(confirmations.poll()).isEmpty();
      answer("k-1", filed, true, null);
      assertThat(confirmations.poll()).singleElement().satisfies(c -> assertThat(c.imported()));
    }
  }
}
