package de.buergerbuero.applications.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An attachment as received: size-checked, with a safe name and its real media type, its bytes
 * spooled to a temporary file (never held in the heap). See {@link UploadSpool}.
 *
 * @param fileName safe file name
 * @param mediaType the media type detected from the content
 * @param size size in bytes
 * @param sha256 SHA-256 of the content, hex
 * @param file the spooled content; deleted by the {@link UploadSpool} that made it
 */
public record Upload(String fileName, String mediaType, long size, String sha256, Path file) {
  public Upload {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(file, "file");
    mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
  }

  /** The content, streamed from the spool file. */
  public InputStream open() {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
