package de.buergerbuero.applications.intake;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.kernel.error.FieldError;
import de.buergerbuero.kernel.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The real type of an attachment, from its bytes (Apache Tika's magic numbers; the file name only
 * refines a type the bytes allow, e.g. a ZIP named {@code .docx}). The declared type and the name
 * are what the sender claims; an executable named {@code invoice.pdf} is still an executable.
 */
public final class ContentTypes {
  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

  private ContentTypes() {}

  /** The type the content has, e.g. {@code application/pdf}. */
  public static String detect(Path file, String fileName) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (InputStream in = TikaInputStream.get(file)) {
      return REGISTRY.normalize(TYPES.detect(in, metadata)).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The type to store: the detected one (or the declared one where it only refines it, e.g. {@code
   * text/csv} for plain text). A declared type the content does not have is refused with {@link
   * ApplicationsError#ATTACHMENT_TYPE_MISMATCH}; {@code application/octet-stream} or no declaration
   * means "unknown" and takes the detected type.
   */
  public static String verify(String fileName, String declared, Path file) {
    String detected = detect(file, fileName);
    MediaType claimed = declared == null ? null : MediaType.parse(declared);
    if (claimed == null || claimed.equals(MediaType.OCTET_STREAM)) {
      return detected;
    }
    MediaType claimedBase = REGISTRY.normalize(claimed.getBaseType());
    MediaType real = MediaType.parse(detected);
    if (claimedBase.equals(real) || REGISTRY.isSpecializationOf(real, claimedBase)) {
      return detected;
    }
    if (!real.equals(MediaType.OCTET_STREAM) && REGISTRY.isSpecializationOf(claimedBase, real)) {
      return claimedBase.toString();
    }
    String problem =
        "Die Anlage „"
            + fileName
            + "“ ist als "
            + claimedBase
            + " angegeben, ihr Inhalt ist aber "
            + detected
            + ".";
    throw new InvalidInputException(
        ApplicationsError.ATTACHMENT_TYPE_MISMATCH,
        problem,
        List.of(new FieldError("attachments", problem)));
  }

  /**
   * Whether {@code type} is one of {@code accepted}: equal, a specialisation (e.g. {@code text/csv}
   * of {@code text/plain}) or matched by a wildcard such as {@code image/*}.
   */
  public static boolean accepted(String type, Collection<String> accepted) {
    MediaType t = MediaType.parse(type);
    if (t == null) {
      return false;
    }
    for (String a : accepted) {
      String candidate = a.strip().toLowerCase(Locale.ROOT);
      if (candidate.endsWith("/*")) {
        if (t.getType().equals(candidate.substring(0, candidate.length() - 2))) {
          return true;
        }
        continue;
      }
      MediaType m = MediaType.parse(candidate);
      if (m != null
          && (REGISTRY.normalize(m).equals(t)
              || REGISTRY.isSpecializationOf(t, REGISTRY.normalize(m)))) {
        return true;
      }
    }
    return false;
  }
}
