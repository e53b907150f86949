package de.buergerbuero.applications.intake;

import de.buergerbuero.kernel.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of applications ended: the last one's submission time and id, opaque to clients
 * (Base64url). The next page continues strictly after it in {@code (submitted_at, id)} order, so
 * nothing is shown twice or skipped while applications arrive or change (ADR 0022).
 */
public record PageCursor(Instant submittedAt, String id) {

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((submittedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a page handed out; anything else is refused with BB-1001 on field cursor. */
  public static PageCursor parse(String cursor) {
    try {
      String text =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      String id = text.substring(bar + 1);
      if (bar < 0 || !id.matches("[0-9a-f-]{36}")) {
        throw new IllegalArgumentException("no id");
      }
      return new PageCursor(Instant.parse(text.substring(0, bar)), id);
    } catch (RuntimeException e) {
      throw InvalidInputException.field(
          "cursor", "Der Cursor ist ungültig; er stammt aus dem Feld next einer Seite.");
    }
  }
}
