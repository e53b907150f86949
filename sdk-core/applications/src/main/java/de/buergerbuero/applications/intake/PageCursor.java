package de.buergerbuero.applications.intake;

import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.kernel.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Where a page of applications ended: the last one's submission time and id, opaque to clients
 * (Base64url). The next page continues strictly after it in {@code (submitted_at, id)} order, so
 * nothing is shown twice or skipped while applications arrive or change (ADR 0022).
 */
public record PageCursor(Instant submittedAt, String id) {

  /** The first {@code limit} of rows fetched with {@code limit + 1}, and the next page's cursor. */
  public record Slice(List<ApplicationEntity> rows, String next) {}

  /**
   * Cuts rows fetched with {@code setMaxResults(limit + 1)} to the page; a row beyond it means
   * there is a next page, which starts after the page's last row.
   */
  public static Slice slice(List<ApplicationEntity> fetched, int limit) {
    if (fetched.size() <= limit) {
      return new Slice(fetched, null);
    }
    List<ApplicationEntity> rows = fetched.subList(0, limit);
    ApplicationEntity last = rows.get(limit - 1);
    return new Slice(rows, new PageCursor(last.submittedAt(), last.id()).encode());
  }

  /**
   * The JPQL condition (on the entity alias {@code a}) for the rows after this cursor in the order
   * {@code submittedAt, id} — descending or ascending; bind it with {@link #parameters()}.
   */
  public String condition(boolean descending) {
    String cmp = descending ? "<" : ">";
    return " AND (a.submittedAt "
        + cmp
        + " :afterAt OR (a.submittedAt = :afterAt AND a.id "
        + cmp
        + " :afterId))";
  }

  /** The parameters of {@link #condition(boolean)}. */
  public Map<String, Object> parameters() {
    return Map.of("afterAt", submittedAt, "afterId", id);
  }

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
