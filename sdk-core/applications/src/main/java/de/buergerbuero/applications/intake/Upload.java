package de.buergerbuero.applications.intake;

import java.util.Objects;

/**
 * An attachment as received, already size-checked and with a safe name.
 *
 * @param fileName safe file name
 * @param mediaType declared media type
 * @param content the bytes
 */
public record Upload(String fileName, String mediaType, byte[] content) {
  public Upload {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(content, "content");
    mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
  }
}
