package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.assertProblem;
import static it.de.buergerbuero.referenceapp.Api.get;
import static it.de.buergerbuero.referenceapp.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The clerk's inbox page by page, searched by Aktenzeichen and name (issue 23, item 1). */
@DisplayName("Inbox search and paging")
class CaseSearchIT {
  private static final List<String> ids = new ArrayList<>();
  private static final List<String> references = new ArrayList<>();

  @BeforeAll
  static void submit() {
    for (int i = 0; i < 3; i++) {
      JsonObject created = Api.submit("anna", "bewohnerparkausweis", Api.PARKING);
      ids.add(created.getString("id"));
      references.add(created.getString("reference"));
    }
  }

  private static JsonObject cases(String user, String query) {
    return object(get("/api/v1/staff/cases?" + query, user));
  }

  private static List<JsonObject> items(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("paging with the cursor shows every case once, oldest first, and ends")
  void pagesEveryCaseOnce() {
    List<List<JsonObject>> pages =
        allPages("/api/v1/staff/cases?serviceId=bewohnerparkausweis&limit=2", "clerk-ordnung");
    assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(2));
    List<String> seen = inOrder(pages, false);
    assertThat(new HashSet<>(seen)).as("no case twice").hasSameSizeAs(seen);
    assertThat(seen).containsAll(ids);
    assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
  }

  /**
   * Every page of a paged list, following next until a page has none (which it must within 1 000
   * pages).
   */
  private static List<List<JsonObject>> allPages(String first, String user) {
    List<List<JsonObject>> pages = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page = object(get(first + (cursor == null ? "" : "&cursor=" + q(cursor)), user));
      pages.add(items(page));
      cursor = page.get("next") == JsonValue.NULL ? null : page.getString("next", null);
    } while (cursor != null && pages.size() < 1000);
    assertThat(cursor).as("the last page has no next").isNull();
    return pages;
  }

  /** The ids of all pages, checking that submission times never go backwards (or forwards). */
  private static List<String> inOrder(List<List<JsonObject>> pages, boolean newestFirst) {
    List<String> seen = new ArrayList<>();
    Instant previous = newestFirst ? Instant.MAX : Instant.MIN;
    for (List<JsonObject> page : pages) {
      for (JsonObject item : page) {
        Instant submitted = Instant.parse(item.getString("submittedAt"));
        if (newestFirst) {
          assertThat(submitted).isBeforeOrEqualTo(previous);
        } else {
          assertThat(submitted).isAfterOrEqualTo(previous);
        }
        previous = submitted;
        seen.add(item.getString("id"));
      }
    }
    return seen;
  }

  @Test
  @DisplayName("newest first puts the newest submission on the first page")
  void newestFirst() {
    List<JsonObject> first =
        items(cases("clerk-ordnung", "serviceId=bewohnerparkausweis&sort=newest&limit=3"));
    assertThat(first).extracting(i -> i.getString("id")).contains(ids.get(2));
    assertThat(Instant.parse(first.get(0).getString("submittedAt")))
        .isAfterOrEqualTo(Instant.parse(first.get(first.size() - 1).getString("submittedAt")));
  }

  @Test
  @DisplayName("search by Aktenzeichen (whole or beginning) and by part of the name")
  void search() {
    JsonObject one = cases("clerk-ordnung", "q=" + q(references.get(1).toLowerCase()));
    assertThat(items(one)).extracting(i -> i.getString("id")).containsExactly(ids.get(1));
    long total =
        one.getJsonObject("countsByStatus").values().stream()
            .mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue())
            .sum();
    assertThat(total).as("counts follow the search").isEqualTo(1);

    String prefix = references.get(0).substring(0, 8);
    assertThat(items(cases("clerk-ordnung", "limit=200&sort=newest&q=" + q(prefix))))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.getString("reference")).startsWith(prefix));

    Set<String> byName = new HashSet<>();
    items(cases("clerk-ordnung", "limit=200&sort=newest&q=" + q("NNA MUS")))
        .forEach(
            i -> {
              assertThat(i.getString("applicantName")).containsIgnoringCase("nna mus");
              byName.add(i.getString("id"));
            });
    assertThat(byName).containsAll(ids);
    assertThat(items(cases("clerk-ordnung", "limit=200&sort=newest&q=" + q("Beispiel"))))
        .extracting(i -> i.getString("id"))
        .doesNotContainAnyElementsOf(ids);
    // LIKE wildcards are searched as text
    assertThat(items(cases("clerk-ordnung", "q=" + q("%")))).isEmpty();
  }

  @Test
  @DisplayName("another department finds nothing; a forged cursor or sort is refused")
  void boundaries() {
    JsonObject other = cases("clerk-gewerbe", "q=" + q(references.get(0)));
    assertThat(items(other)).isEmpty();
    assertThat(other.getJsonObject("countsByStatus")).isEmpty();
    assertProblem(
        get("/api/v1/staff/cases?cursor=bm90LWEtY3Vyc29y", "clerk-ordnung"), 400, "BB-1001");
    assertProblem(get("/api/v1/staff/cases?sort=random", "clerk-ordnung"), 400, "BB-1001");
    assertProblem(get("/api/v1/staff/cases", "anna"), 403, "BB-1007");
  }

  @Test
  @DisplayName(
      "Meine Anträge page by page: newest first, every application once, the same as the list")
  void myApplicationsPageByPage() {
    List<String> seen = inOrder(allPages("/api/v1/applications/mine?limit=7", "anna"), true);
    assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
    assertThat(seen).containsAll(ids);
    List<String> list =
        Api.array(get("/api/v1/applications", "anna")).getValuesAs(JsonObject.class).stream()
            .map(a -> a.getString("id"))
            .toList();
    if (list.size() < 500) {
      assertThat(seen).containsExactlyInAnyOrderElementsOf(list);
    }
    assertProblem(get("/api/v1/applications/mine?cursor=xyz", "anna"), 400, "BB-1001");
  }
}
