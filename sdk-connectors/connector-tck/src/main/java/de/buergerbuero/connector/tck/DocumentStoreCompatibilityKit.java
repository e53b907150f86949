package de.buergerbuero.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.dms.CaseAdditionPort;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseFilingPort;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentReadPort;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
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
 *   protected Store createStore() { return Store.of(new MyDms(...)); }
 * }
 * </pre>
 */
public abstract class DocumentStoreCompatibilityKit {

  /**
   * The connector under test: its filing, reading and adding ports (often the same object).
   *
   * @param adding null when the connector cannot add to a filed case: the kit's "Adding documents"
   *     tests then fail
   */
  public record Store(CaseFilingPort filing, DocumentReadPort reading, CaseAdditionPort adding) {
    /** Filing and reading ports; adding is the filing port when it implements that port too. */
    public Store(CaseFilingPort filing, DocumentReadPort reading) {
      this(filing, reading, filing instanceof CaseAdditionPort a ? a : null);
    }

    /** A connector implementing the typed port files, adds and reads with the same object. */
    public static Store of(DocumentStore store) {
      return new Store(store, store, store);
    }
  }

  /** Creates a fresh, empty, reachable store for each test. */
  protected abstract Store createStore() throws Exception;

  /**
   * Makes the store created last unreachable (network down, disk gone). Connectors that cannot
   * simulate this leave the default, which skips the test.
   */
  protected void makeUnreachable() throws Exception {
    throw new TestAbortedException("connector cannot simulate an outage");
  }

  /**
   * Makes the store created last refuse every filing for good (e.g. rejected credentials).
   * Connectors whose system has no such answer leave the default, which skips the test.
   */
  protected void makeRefusing() throws Exception {
    throw new TestAbortedException("connector has no permanent refusal to simulate");
  }

  /**
   * Whether the connector streams content instead of holding whole documents in memory. Only the
   * in-memory reference connector answers false.
   */
  protected boolean streamsContent() {
    return true;
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
  @DisplayName("Large documents")
  class LargeDocuments {
    private static final long SIZE = 50L * 1024 * 1024;

    @Test
    @DisplayName(
        "a 50 MB document is filed and read back byte for byte, streamed without holding it in memory")
    void fiftyMegabytes() throws Exception {
      byte[] written = new byte[32];
      CaseDocument big =
          new CaseDocument(
              "Bauplan großformatig.tif",
              "image/tiff",
              SIZE,
              () -> new PatternStream(SIZE, written));
      long before = usedHeap();
      HeapWatch watch = new HeapWatch(before + SIZE / 2);
      watch.start();
      FiledCase filed;
      try {
        filed = store.filing().fileCase(key(), record("MS-2026-000050", big));
      } finally {
        watch.stopWatching();
        watch.join();
      }
      assertThat(filed.documents().get(0).size()).isEqualTo(SIZE);
      java.security.MessageDigest read = java.security.MessageDigest.getInstance("SHA-256");
      long count = 0;
      try (InputStream in = store.reading().openDocument(filed.documents().get(0).documentId())) {
        byte[] buf = new byte[64 * 1024];
        int r;
        while ((r = in.read(buf)) > 0) {
          read.update(buf, 0, r);
          count += r;
        }
      }
      assertThat(count).isEqualTo(SIZE);
      assertThat(read.digest()).isEqualTo(written);
      if (streamsContent()) {
        assertThat(watch.peak() - before).as("heap growth while filing 50 MB").isLessThan(SIZE / 2);
      }
    }
  }

  /** Deterministic pseudo-random bytes, generated while read; remembers their SHA-256. */
  private static final class PatternStream extends InputStream {
    private final long size;
    private final byte[] digestOut;
    private final java.security.MessageDigest digest;
    private long pos;
    private long state = 0x9E3779B97F4A7C15L;

    PatternStream(long size, byte[] digestOut) {
      this.size = size;
      this.digestOut = digestOut;
      try {
        this.digest = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      for (int i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        b[off + i] = (byte) state;
      }
      digest.update(b, off, n);
      pos += n;
      if (pos >= size) {
        System.arraycopy(digest.digest(), 0, digestOut, 0, 32);
      }
      return n;
    }
  }

  private static long usedHeap() {
    System.gc();
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Samples the used heap every few milliseconds and keeps the peak. */
  /**
   * Samples the used heap while a filing runs. Garbage (buffers already sent) is not "held in
   * memory": a sample above the limit is taken again after a garbage collection, so only live data
   * counts.
   */
  private static final class HeapWatch extends Thread {
    private final long limit;
    private volatile boolean running = true;
    private volatile long peak;

    HeapWatch(long limit) {
      this.limit = limit;
      setDaemon(true);
    }

    @Override
    public void run() {
      var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
      while (running) {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used >= limit) {
          System.gc();
          used = memory.getHeapMemoryUsage().getUsed();
        }
        peak = Math.max(peak, used);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopWatching() {
      running = false;
    }

    long peak() {
      return peak;
    }
  }

  @Nested
  @DisplayName("Adding documents to a filed case")
  class Adding {
    private CaseAdditionPort adding() {
      assertThat(store.adding())
          .as("the connector implements CaseAdditionPort (Bescheid, answers, staff documents)")
          .isNotNull();
      return store.adding();
    }

    private CaseRecord addition(String reference, CaseDocument... docs) {
      return new CaseRecord(
          reference,
          "Meldebescheinigung",
          Map.of("serviceId", "meldebescheinigung"),
          List.of(docs));
    }

    @Test
    @DisplayName(
        "documents added to a filed case read back byte for byte and the first documents stay")
    void addsToTheCase() throws Exception {
      FiledCase filed =
          store.filing().fileCase(key(), record("MS-2026-000040", text("Antrag.txt", "Antrag")));
      byte[] pdf = new byte[40_000];
      new java.util.Random(11).nextBytes(pdf);
      FiledCase added =
          adding()
              .addDocuments(
                  key(),
                  filed.caseId(),
                  addition(
                      "MS-2026-000040",
                      document("Bescheid-MS-2026-000040.pdf", pdf),
                      text("Antwort 1.txt", "Anbei der Nachweis")));
      assertThat(added.documents())
          .extracting(FiledCase.FiledDocument::fileName)
          .containsExactly("Bescheid-MS-2026-000040.pdf", "Antwort 1.txt");
      assertThat(readBack(added.documents().get(0).documentId())).isEqualTo(pdf);
      assertThat(
              new String(readBack(added.documents().get(1).documentId()), StandardCharsets.UTF_8))
          .isEqualTo("Anbei der Nachweis");
      assertThat(
              new String(readBack(filed.documents().get(0).documentId()), StandardCharsets.UTF_8))
          .isEqualTo("Antrag");
    }

    @Test
    @DisplayName("adding again with the same key returns the same documents and adds nothing new")
    void sameKeyAddsOnce() {
      FiledCase filed =
          store.filing().fileCase(key(), record("MS-2026-000041", text("Antrag.txt", "Antrag")));
      String key = key();
      CaseRecord addition = addition("MS-2026-000041", text("Bescheid.txt", "stattgegeben"));
      FiledCase first = adding().addDocuments(key, filed.caseId(), addition);
      FiledCase again = adding().addDocuments(key, filed.caseId(), addition);
      assertThat(again.documents()).isEqualTo(first.documents());
      assertThat(again.caseId()).isEqualTo(first.caseId());
    }

    @Test
    @DisplayName("two additions with different keys keep both")
    void twoAdditions() throws Exception {
      FiledCase filed =
          store.filing().fileCase(key(), record("MS-2026-000042", text("Antrag.txt", "Antrag")));
      FiledCase a =
          adding()
              .addDocuments(
                  key(), filed.caseId(), addition("MS-2026-000042", text("Antwort 1.txt", "eins")));
      FiledCase b =
          adding()
              .addDocuments(
                  key(), filed.caseId(), addition("MS-2026-000042", text("Antwort 2.txt", "zwei")));
      assertThat(a.documents().get(0).documentId()).isNotEqualTo(b.documents().get(0).documentId());
      assertThat(new String(readBack(a.documents().get(0).documentId()), StandardCharsets.UTF_8))
          .isEqualTo("eins");
      assertThat(new String(readBack(b.documents().get(0).documentId()), StandardCharsets.UTF_8))
          .isEqualTo("zwei");
    }

    @Test
    @DisplayName("adding to a case the DMS does not know is refused for good")
    void unknownCase() {
      assertThatThrownBy(
              () ->
                  adding()
                      .addDocuments(
                          key(),
                          "no-such-case-4711",
                          addition("MS-2026-000043", text("Bescheid.txt", "x"))))
          .isInstanceOfSatisfying(
              DocumentStoreException.class, e -> assertThat(e.isRetryable()).isFalse());
    }

    @Test
    @DisplayName("an unreachable DMS raises a retryable error when adding")
    void unreachableIsRetryable() throws Exception {
      FiledCase filed =
          store.filing().fileCase(key(), record("MS-2026-000044", text("Antrag.txt", "Antrag")));
      makeUnreachable();
      assertThatThrownBy(
              () ->
                  adding()
                      .addDocuments(
                          key(),
                          filed.caseId(),
                          addition("MS-2026-000044", text("Bescheid.txt", "x"))))
          .isInstanceOfSatisfying(
              DocumentStoreException.class,
              e -> {
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.errorCode()).isEqualTo(KernelError.DOCUMENT_STORE_UNAVAILABLE);
              });
    }
  }

  @Nested
  @DisplayName("Outages")
  class Outages {
    @Test
    @DisplayName("a DMS that refuses raises a permanent error")
    void refusalIsPermanent() throws Exception {
      makeRefusing();
      assertThatThrownBy(
              () -> store.filing().fileCase(key(), record("MS-2026-000031", text("a.txt", "x"))))
          .isInstanceOfSatisfying(
              DocumentStoreException.class,
              e -> {
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.errorCode()).isEqualTo(KernelError.DOCUMENT_STORE_REFUSED);
              });
    }

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
