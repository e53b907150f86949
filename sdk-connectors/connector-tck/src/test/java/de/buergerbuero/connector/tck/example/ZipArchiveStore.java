package de.buergerbuero.connector.tck.example;

import de.buergerbuero.kernel.crypto.Hashes;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The example connector of docs/writing-a-connector.md: files each case as one ZIP archive in a
 * directory. Small, but it keeps every rule of the port: idempotent by key (the archive's name is
 * derived from the key and appears atomically), streaming (documents are copied, never held),
 * errors by meaning, its own id prefix ({@code zip:}).
 */
public final class ZipArchiveStore implements DocumentStore {
  private static final String PREFIX = "zip:";
  private final Path directory;

  public ZipArchiveStore(ZipArchiveConfig config) {
    this.directory = config.directory();
  }

  @Override
  public FiledCase fileCase(String idempotencyKey, CaseRecord record) {
    String caseName =
        Hashes.sha256Hex(idempotencyKey.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    Path archive = directory.resolve(caseName + ".zip");
    try {
      if (!Files.exists(archive)) {
        write(record, archive);
      }
      return filed(caseName, archive);
    } catch (IOException e) {
      throw DocumentStoreException.unavailable("Archiv nicht beschreibbar: " + directory, e);
    }
  }

  /** An addition is one more archive, named after its own key, beside the case's archive. */
  @Override
  public FiledCase addDocuments(String idempotencyKey, String caseId, CaseRecord addition) {
    if (!Files.isDirectory(directory)) {
      throw DocumentStoreException.unavailable("Archiv nicht erreichbar: " + directory, null);
    }
    if (caseId == null
        || !caseId.matches("zip:[0-9a-f]{32}")
        || !Files.exists(directory.resolve(caseId.substring(PREFIX.length()) + ".zip"))) {
      throw DocumentStoreException.rejected("Unbekannter Vorgang: " + caseId);
    }
    FiledCase added = fileCase("addition:" + caseId + ":" + idempotencyKey, addition);
    return new FiledCase(caseId, added.documents());
  }

  private void write(CaseRecord record, Path archive) throws IOException {
    Files.createDirectories(directory);
    Path staging = Files.createTempFile(directory, ".staging-", ".zip");
    try {
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(staging))) {
        for (CaseDocument doc : record.documents()) {
          zip.putNextEntry(new ZipEntry(doc.fileName()));
          long copied;
          try (InputStream in = doc.content().open()) {
            copied = in.transferTo(zip);
          }
          if (copied != doc.size()) {
            throw DocumentStoreException.rejected(
                doc.fileName() + ": " + copied + " Bytes statt " + doc.size());
          }
          zip.closeEntry();
        }
      }
      // The archive appears whole or not at all; a concurrent filing of the same key wins once.
      try {
        Files.move(staging, archive, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        if (!Files.exists(archive)) {
          throw e;
        }
      }
    } finally {
      Files.deleteIfExists(staging);
    }
  }

  private FiledCase filed(String caseName, Path archive) throws IOException {
    List<FiledCase.FiledDocument> docs = new ArrayList<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      zip.stream()
          .forEach(
              e ->
                  docs.add(
                      new FiledCase.FiledDocument(
                          PREFIX + caseName + "/" + e.getName(), e.getName(), e.getSize())));
    }
    return new FiledCase(PREFIX + caseName, docs);
  }

  @Override
  public InputStream openDocument(String documentId) {
    if (documentId == null || !documentId.matches("zip:[0-9a-f]{32}/[^/\\\\]+")) {
      throw DocumentStoreException.noSuchDocument(documentId);
    }
    String caseName = documentId.substring(PREFIX.length(), PREFIX.length() + 32);
    String entryName = documentId.substring(PREFIX.length() + 33);
    Path archive = directory.resolve(caseName + ".zip");
    try {
      ZipFile zip = new ZipFile(archive.toFile());
      ZipEntry entry = zip.getEntry(entryName);
      if (entry == null) {
        zip.close();
        throw DocumentStoreException.noSuchDocument(documentId);
      }
      return new FilterInputStream(zip.getInputStream(entry)) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            zip.close();
          }
        }
      };
    } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
      throw DocumentStoreException.noSuchDocument(documentId);
    } catch (IOException e) {
      if (!Files.exists(archive)) {
        throw DocumentStoreException.noSuchDocument(documentId);
      }
      throw DocumentStoreException.unavailable("Archiv nicht lesbar: " + caseName, e);
    }
  }
}
