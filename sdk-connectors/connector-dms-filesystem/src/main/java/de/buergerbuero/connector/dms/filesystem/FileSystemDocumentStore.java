package de.buergerbuero.connector.dms.filesystem;

import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A DMS in a directory tree: the embedded default, and a hand-over directory for DMS products that
 * import from a share.
 *
 * <pre>
 * root/cases/fs-&lt;hash of key&gt;/vorgang.json            metadata of the case record
 * root/cases/fs-&lt;hash of key&gt;/documents/01-Antrag.pdf  the documents, numbered
 * root/cases/fs-&lt;hash of key&gt;/additions/&lt;hash of key&gt;/01-Bescheid.pdf  added later
 * root/.staging/&lt;uuid&gt;/…                             a filing in progress
 * </pre>
 *
 * <p>Atomic: a case is written completely under {@code .staging}, flushed to disk and then moved
 * into {@code cases/} in one rename; a crash leaves either nothing or the whole case. Idempotent:
 * the case directory is named after a hash of the idempotency key, so a second filing with the same
 * key finds the first. Every I/O failure is reported as retryable (the disk may come back).
 */
public final class FileSystemDocumentStore implements DocumentStore {
  private static final Pattern DOCUMENT_ID =
      Pattern.compile("fs-[0-9a-f]{40}/(?:[0-9a-f]{40}/)?\\d{2,3}-[^/\\\\]+");
  private static final Pattern CASE_ID = Pattern.compile("fs-[0-9a-f]{40}");

  private final Path root;

  public FileSystemDocumentStore(FileSystemDmsConfig config) {
    this.root = config.root();
  }

  @Override
  public FiledCase fileCase(String idempotencyKey, CaseRecord record) {
    String caseId = "fs-" + sha1Hex(idempotencyKey);
    Path cases = root.resolve("cases");
    Path target = cases.resolve(caseId);
    try {
      if (Files.isDirectory(target)) {
        return describe(caseId, target);
      }
      Path staging = root.resolve(".staging").resolve(UUID.randomUUID().toString());
      Files.createDirectories(staging.resolve("documents"));
      Files.createDirectories(cases);
      try {
        writeCase(staging, idempotencyKey, record);
        fsync(staging.resolve("documents"));
        fsync(staging);
        try {
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException moveFailed) {
          if (Files.isDirectory(target.resolve("documents"))) {
            // another thread or instance filed the same key at the same moment: its case wins
            return describe(caseId, target);
          }
          throw moveFailed;
        }
        fsync(cases);
      } finally {
        deleteTree(staging);
      }
      return describe(caseId, target);
    } catch (IOException e) {
      throw DocumentStoreException.unavailable(
          "File-system DMS not writable (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Adds documents as one more directory under the case's {@code additions/}, named after a hash of
   * the key and moved there in one rename, like a whole case: all of them or none, once per key.
   */
  @Override
  public FiledCase addDocuments(String idempotencyKey, String caseId, CaseRecord addition) {
    if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
      throw DocumentStoreException.rejected("Unknown case: " + String.valueOf(caseId));
    }
    if (!Files.isDirectory(root)) {
      throw DocumentStoreException.unavailable("File-system DMS root missing: " + root, null);
    }
    Path caseDir = root.resolve("cases").resolve(caseId);
    if (!Files.isDirectory(caseDir.resolve("documents"))) {
      throw DocumentStoreException.rejected("Unknown case: " + caseId);
    }
    String additionId = sha1Hex("addition:" + idempotencyKey);
    Path additions = caseDir.resolve("additions");
    Path target = additions.resolve(additionId);
    String idPrefix = caseId + "/" + additionId;
    try {
      if (Files.isDirectory(target)) {
        return new FiledCase(caseId, documentsIn(idPrefix, target));
      }
      Path staging = root.resolve(".staging").resolve(UUID.randomUUID().toString());
      Files.createDirectories(staging);
      Files.createDirectories(additions);
      try {
        writeDocuments(staging, addition.documents());
        fsync(staging);
        try {
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException moveFailed) {
          if (!Files.isDirectory(target)) {
            throw moveFailed;
          }
        }
        fsync(additions);
      } finally {
        deleteTree(staging);
      }
      return new FiledCase(caseId, documentsIn(idPrefix, target));
    } catch (IOException e) {
      throw DocumentStoreException.unavailable(
          "File-system DMS not writable (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private void writeCase(Path dir, String idempotencyKey, CaseRecord record) throws IOException {
    List<String> stored = writeDocuments(dir.resolve("documents"), record.documents());
    writeMetadata(dir, idempotencyKey, record, stored);
  }

  private static List<String> writeDocuments(Path dir, List<CaseDocument> documents)
      throws IOException {
    int n = 0;
    List<String> stored = new ArrayList<>();
    for (CaseDocument doc : documents) {
      String name = String.format("%02d-%s", ++n, doc.fileName());
      Path file = dir.resolve(name);
      long written;
      try (InputStream in = doc.content().open();
          OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
        written = in.transferTo(out);
      }
      if (written != doc.size()) {
        throw DocumentStoreException.rejected(
            "Document " + n + " has " + written + " bytes, announced were " + doc.size());
      }
      fsync(file);
      stored.add(name);
    }
    return stored;
  }

  private static void writeMetadata(
      Path dir, String idempotencyKey, CaseRecord record, List<String> stored) throws IOException {
    Path meta = dir.resolve("vorgang.json");
    try (OutputStream out = Files.newOutputStream(meta, StandardOpenOption.CREATE_NEW);
        JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartObject()
          .write("reference", record.reference())
          .write("title", record.title())
          .write("idempotencyKey", idempotencyKey);
      json.writeStartObject("metadata");
      record.metadata().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e -> json.write(e.getKey(), e.getValue()));
      json.writeEnd();
      json.writeStartArray("documents");
      for (int i = 0; i < stored.size(); i++) {
        CaseDocument doc = record.documents().get(i);
        json.writeStartObject()
            .write("file", stored.get(i))
            .write("name", doc.fileName())
            .write("mediaType", doc.mediaType())
            .write("size", doc.size())
            .writeEnd();
      }
      json.writeEnd().writeEnd();
    }
    fsync(meta);
  }

  private static FiledCase describe(String caseId, Path caseDir) throws IOException {
    return new FiledCase(caseId, documentsIn(caseId, caseDir.resolve("documents")));
  }

  private static List<FiledCase.FiledDocument> documentsIn(String idPrefix, Path documents)
      throws IOException {
    List<FiledCase.FiledDocument> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(documents)) {
      for (Path f : files.sorted(Comparator.comparing(FileSystemDocumentStore::number)).toList()) {
        String stored = f.getFileName().toString();
        docs.add(
            new FiledCase.FiledDocument(
                idPrefix + "/" + stored, stored.substring(stored.indexOf('-') + 1), Files.size(f)));
      }
    }
    return docs;
  }

  private static int number(Path p) {
    String name = p.getFileName().toString();
    return Integer.parseInt(name.substring(0, name.indexOf('-')));
  }

  @Override
  public InputStream openDocument(String documentId) {
    if (documentId == null
        || !DOCUMENT_ID.matcher(documentId).matches()
        || documentId.contains("..")) {
      throw DocumentStoreException.noSuchDocument(String.valueOf(documentId));
    }
    String[] parts = documentId.split("/");
    Path cases = root.resolve("cases");
    Path file =
        (parts.length == 2
                ? cases.resolve(parts[0]).resolve("documents").resolve(parts[1])
                : cases.resolve(parts[0]).resolve("additions").resolve(parts[1]).resolve(parts[2]))
            .normalize();
    if (!file.startsWith(cases)) {
      throw DocumentStoreException.noSuchDocument(documentId);
    }
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw DocumentStoreException.noSuchDocument(documentId);
    } catch (IOException e) {
      throw DocumentStoreException.unavailable("File-system DMS not readable", e);
    }
  }

  private static void fsync(Path path) throws IOException {
    boolean dir = Files.isDirectory(path);
    try (FileChannel ch =
        FileChannel.open(path, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (IOException e) {
      if (!dir) {
        throw e;
      }
      // some file systems cannot sync directories; the rename is still atomic
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // leftovers under .staging are harmless and never read
    }
  }

  private static String sha1Hex(String key) {
    try {
      // a name, not a security boundary: SHA-1 keeps directory names short and is collision-free
      // enough for idempotency keys chosen by us
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
