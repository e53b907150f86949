package de.buergerbuero.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseFilingPort;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentReadPort;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The compatibility kit every DMS connector's tests extend. A connector passes when all tests pass;
 * the in-memory reference connector shows the expected behaviour.
 *
 * <pre>
 * class MyDmsCompatibilityTest extends DocumentStoreCompatibilityKit {
 *   protected Store createStore() { MyDms dms = ...; return new Store(dms, dms); }
 * }
 * </pre>
 */
public abstract class DocumentStoreCompatibilityKit {

  /** The connector under test: its filing port and its read port (often the same object). */
  public record Store(CaseFilingPort filing, DocumentReadPort reading) {}

  /** Creates a fresh, empty, reachable store for each test. */
  protected abstract Store createStore() throws Exception;

  /**
   * Makes the store created last unreachable (network down, disk gone). Connectors that cannot
   * simulate this leave the default, which skips the test.
   */
  protected void makeUnreachable() throws Exception {
    throw new TestAbortedException("connector cannot simulate an outage");
  }

  protected Store store;

  @BeforeEach
  void createFreshStore() throws Exception {
    store = createStore();
  }

  protected static CaseDocument document(String name, byte[] bytes) {
    return new CaseDocument(
        name, "application/octet-stream", bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  protected static CaseDocument text(String name, String content) {
    return document(name, content.getBytes(StandardCharsets.UTF_8));
  }

  protected static CaseRecord record(String reference, CaseDocument... docs) {
    return new CaseRecord(
        reference,
        "Meldebescheinigung",
        Map.of(
            "serviceId",
            "meldebescheinigung",
            "leikaKey",
            "99115005000000",
            "applicant",
            "pseudonym-1"),
        List.of(docs));
  }

  protected byte[] readBack(String documentId) throws IOException {
    try (InputStream in = store.reading().openDocument(documentId)) {
      return in.readAllBytes();
    }
  }

  @Nested
  @DisplayName("Filing")
  class Filing {
    @Test
    @DisplayName(
        "a case record with several documents is filed and every document reads back byte for byte")
    void filesSeveralDocuments() throws Exception {
      byte[] pdf = new byte[70_000];
      new java.util.Random(7).nextBytes(pdf);
      FiledCase filed =
          store
              .filing()
              .fileCase(
                  key(),
                  record(
                      "MS-2026-000001",
                      document("Antrag.pdf", pdf),
                      text("daten.json", "{\"a\":1}"),
                      text("Anlage 1.txt", "Hallo")));
      assertThat(filed.caseId()).isNotBlank();
      assertThat(filed.documents())
          .extracting(FiledCase.FiledDocument::fileName)
          .containsExactly("Antrag.pdf", "daten.json", "Anlage 1.txt");
      assertThat(filed.documents())
          .extracting(FiledCase.FiledDocument::size)
          .containsExactly(70_000L, 7L, 5L);
      assertThat(readBack(filed.documents().get(0).documentId())).isEqualTo(pdf);
      assertThat(
              new String(readBack(filed.documents().get(2).documentId()), StandardCharsets.UTF_8))
          .isEqualTo("Hallo");
    }

    @Test
    @DisplayName("German umlauts and long file names survive filing")
    void umlautsAndLongNames() throws Exception {
      String longName = "Gewerbeanmeldung-Übersicht-" + "ä".repeat(80) + ".pdf";
      FiledCase filed =
          store
              .filing()
              .fileCase(
                  key(),
                  record(
                      "MS-2026-000002",
                      text("Größe und Maße – Straße.txt", "Grüße aus Müßingen"),
                      text(longName, "x")));
      assertThat(filed.documents().get(0).fileName()).isEqualTo("Größe und Maße – Straße.txt");
      assertThat(filed.documents().get(1).fileName()).isEqualTo(longName);
      assertThat(
              new String(readBack(filed.documents().get(0).documentId()), StandardCharsets.UTF_8))
          .isEqualTo("Grüße aus Müßingen");
    }

    @Test
    @DisplayName("different keys file different cases")
    void differentKeys() {
      FiledCase a = store.filing().fileCase(key(), record("MS-2026-000003", text("a.txt", "a")));
      FiledCase b = store.filing().fileCase(key(), record("MS-2026-000004", text("a.txt", "a")));
      assertThat(a.caseId()).isNotEqualTo(b.caseId());
    }
  }

  @Nested
  @DisplayName("Idempotency")
  class Idempotency {
    @Test
    @DisplayName("filing again with the same key returns the same DMS ids and creates nothing new")
    void sameKeySameCase() throws Exception {
      String key = key();
      FiledCase first =
          store.filing().fileCase(key, record("MS-2026-000010", text("a.txt", "eins")));
      FiledCase second =
          store.filing().fileCase(key, record("MS-2026-000010", text("a.txt", "eins")));
      assertThat(second).isEqualTo(first);
      assertThat(readBack(second.documents().get(0).documentId()))
          .isEqualTo("eins".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("concurrent filings with the same key end in one case")
    void concurrentSameKey() throws Exception {
      String key = key();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        Callable<FiledCase> task =
            () -> store.filing().fileCase(key, record("MS-2026-000011", text("a.txt", "x")));
        List<Future<FiledCase>> results = pool.invokeAll(List.of(task, task, task, task));
        FiledCase first = results.get(0).get();
        for (Future<FiledCase> f : results) {
          assertThat(f.get()).isEqualTo(first);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  @DisplayName("Rejected input")
  class RejectedInput {
    @Test
    @DisplayName("an empty document is rejected with DOCUMENT_REJECTED")
    void emptyDocument() {
      assertThatThrownBy(() -> document("leer.pdf", new byte[0]))
          .isInstanceOfSatisfying(
              DocumentStoreException.class,
              e -> assertThat(e.errorCode()).isEqualTo(KernelError.DOCUMENT_REJECTED));
    }

    @Test
    @DisplayName("unsafe file names are rejected before they reach the DMS")
    void unsafeNames() {
      for (String name :
          new String[] {"../../etc/passwd", "a/b.txt", "x\u0000y", "..", "C:\\boot.ini"}) {
        assertThatThrownBy(() -> text(name, "x"))
            .as(name)
            .hasFieldOrPropertyWithValue("errorCode", KernelError.DOCUMENT_REJECTED);
      }
    }

    @Test
    @DisplayName("content shorter or longer than announced is rejected and nothing is filed")
    void sizeMismatch() {
      String key = key();
      CaseDocument lying =
          new CaseDocument("a.txt", "text/plain", 10, () -> new ByteArrayInputStream(new byte[3]));
      assertThatThrownBy(() -> store.filing().fileCase(key, record("MS-2026-000020", lying)))
          .isInstanceOfSatisfying(
              DocumentStoreException.class, e -> assertThat(e.isRetryable()).isFalse());
      FiledCase later =
          store.filing().fileCase(key, record("MS-2026-000020", text("a.txt", "now right")));
      assertThat(later.documents()).hasSize(1);
    }

    @Test
    @DisplayName("reading an unknown or hostile document id raises NO_SUCH_DOCUMENT")
    void unknownDocument() {
      for (String id : new String[] {"does-not-exist", "../../../etc/passwd", "/etc/passwd", ""}) {
        assertThatThrownBy(() -> store.reading().openDocument(id))
            .as(id)
            .isInstanceOfSatisfying(
                DocumentStoreException.class,
                e -> assertThat(e.errorCode()).isEqualTo(KernelError.NO_SUCH_DOCUMENT));
      }
    }
  }

  @Nested
  @DisplayName("Outages")
  class Outages {
    @Test
    @DisplayName("an unreachable DMS raises a retryable error")
    void unreachableIsRetryable() throws Exception {
      makeUnreachable();
      assertThatThrownBy(
              () -> store.filing().fileCase(key(), record("MS-2026-000030", text("a.txt", "x"))))
          .isInstanceOfSatisfying(
              DocumentStoreException.class,
              e -> {
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.errorCode()).isEqualTo(KernelError.DOCUMENT_STORE_UNAVAILABLE);
              });
    }
  }

  private static String key() {
    return "test-" + UUID.randomUUID();
  }
}
