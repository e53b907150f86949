package de.buergerbuero.applications.intake;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.kernel.error.FieldError;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.error.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Copies the attachments of one application from their source (request part, form-server document)
 * to temporary files while counting: a file above {@code maxFileBytes} or all of them together
 * above {@code maxTotalBytes} is refused as soon as the limit is passed, not after reading it all.
 * Each file's real type is detected from its bytes. Closing deletes every file: after the
 * application's transaction the content is in the database.
 */
public final class UploadSpool implements AutoCloseable {
  private final long maxFileBytes;
  private final long maxTotalBytes;
  private final Path dir;
  private final List<Upload> uploads = new ArrayList<>();
  private long total;

  public UploadSpool(long maxFileBytes, long maxTotalBytes, Path dir) {
    this.maxFileBytes = maxFileBytes;
    this.maxTotalBytes = maxTotalBytes;
    this.dir = dir;
  }

  /**
   * Spools one attachment.
   *
   * @param declaredType what the sender says it is (null when nothing)
   * @param refuseMismatch refuse a declared type the content does not have (citizen uploads); else
   *     the detected type is recorded (form servers, which have accepted the file already)
   */
  public Upload add(
      String fileName, String declaredType, InputStream content, boolean refuseMismatch) {
    long remaining = maxTotalBytes - total;
    long limit = Math.min(maxFileBytes, remaining);
    Path file;
    try {
      file =
          dir == null
              ? Files.createTempFile("bb-upload-", ".part")
              : Files.createTempFile(dir, "bb-upload-", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean kept = false;
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long size;
      try (InputStream in = new DigestInputStream(new LimitedInputStream(content, limit), sha256);
          OutputStream out = Files.newOutputStream(file)) {
        size = in.transferTo(out);
      } catch (LimitedInputStream.LimitExceededException e) {
        if (limit == maxFileBytes) {
          throw new PayloadTooLargeException(
              ApplicationsError.ATTACHMENT_TOO_LARGE,
              "Die Anlage „" + fileName + "“ ist größer als " + megabytes(maxFileBytes) + " MB.");
        }
        throw new PayloadTooLargeException(
            ApplicationsError.ATTACHMENTS_TOO_LARGE,
            "Alle Anlagen zusammen dürfen höchstens "
                + megabytes(maxTotalBytes)
                + " MB groß sein.");
      }
      if (size == 0) {
        throw new InvalidInputException(
            KernelError.INVALID_INPUT,
            "Die Anlage „" + fileName + "“ ist leer.",
            List.of(new FieldError("attachments", "Leere Datei.")));
      }
      String type =
          refuseMismatch
              ? ContentTypes.verify(fileName, declaredType, file)
              : ContentTypes.detect(file, fileName);
      Upload upload =
          new Upload(fileName, type, size, HexFormat.of().formatHex(sha256.digest()), file);
      total += size;
      uploads.add(upload);
      kept = true;
      return upload;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      if (!kept) {
        delete(file);
      }
    }
  }

  public List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  @Override
  public void close() {
    uploads.forEach(u -> delete(u.file()));
    uploads.clear();
  }

  private static long megabytes(long bytes) {
    return bytes / (1024 * 1024);
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
