package de.buergerbuero.applications.decision;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template of a service's Bescheid: German texts, optionally English ones, with placeholders
 * {@code {{name}}} filled from the case, the form data ({@code {{form.street}}}, {@code
 * {{form.vehicle.plate}}}) and the town's configuration. See {@code docs/decisions-and-queries.md}.
 *
 * @param subject the Betreff
 * @param approved paragraphs of an approval
 * @param rejected paragraphs of a rejection
 * @param remedy paragraphs of the Rechtsbehelfsbelehrung
 * @param freeTextMaxLength how long the clerk's own paragraph may be; 0: the template allows none
 */
public record DecisionTemplate(
    Texts subject,
    Paragraphs approved,
    Paragraphs rejected,
    Paragraphs remedy,
    int freeTextMaxLength) {

  /** Names a placeholder may have, besides {@code form.<path>}. */
  public static final List<String> NAMES =
      List.of(
          "reference",
          "service",
          "applicant",
          "submittedAt",
          "decidedAt",
          "fee",
          "municipality",
          "court");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern FORM_PATH = Pattern.compile("form(\\.[A-Za-z0-9_-]{1,64}){1,8}");

  public DecisionTemplate {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(approved, "approved");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(remedy, "remedy");
    if (freeTextMaxLength < 0 || freeTextMaxLength > 20_000) {
      throw new IllegalArgumentException("freeTextMaxLength: 0 to 20000");
    }
    for (String t : all(subject, List.of(approved, rejected, remedy))) {
      checkPlaceholders(t);
    }
  }

  /** Whether every text has an English variant. */
  public boolean hasEnglish() {
    return subject.en() != null
        && approved.en() != null
        && rejected.en() != null
        && remedy.en() != null;
  }

  private static List<String> all(Texts subject, List<Paragraphs> paragraphs) {
    var texts = new java.util.ArrayList<String>();
    texts.add(subject.de());
    if (subject.en() != null) {
      texts.add(subject.en());
    }
    for (Paragraphs p : paragraphs) {
      texts.addAll(p.de());
      if (p.en() != null) {
        texts.addAll(p.en());
      }
    }
    return texts;
  }

  private static void checkPlaceholders(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (!NAMES.contains(name) && !FORM_PATH.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "unknown placeholder {{" + name + "}}; allowed: " + NAMES + " and form.<field>");
      }
    }
    String rest = PLACEHOLDER.matcher(text).replaceAll("");
    if (rest.contains("{{") || rest.contains("}}")) {
      throw new IllegalArgumentException("unbalanced placeholder braces in: " + text);
    }
  }

  /** Replaces every placeholder with its value; the values are inserted literally. */
  public static String fill(String text, Function<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.apply(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A one-line text in German and, optionally, English. */
  public record Texts(String de, String en) {
    public Texts {
      if (de == null || de.isBlank()) {
        throw new IllegalArgumentException("German text missing");
      }
    }
  }

  /** Paragraphs in German and, optionally, English. */
  public record Paragraphs(List<String> de, List<String> en) {
    public Paragraphs {
      if (de == null || de.isEmpty()) {
        throw new IllegalArgumentException("German paragraphs missing");
      }
      de = List.copyOf(de);
      en = en == null ? null : List.copyOf(en);
    }
  }

  /** A template with the fields of {@code override} that are set, the others from this one. */
  DecisionTemplate with(Map<String, Object> override) {
    return new DecisionTemplate(
        (Texts) override.getOrDefault("subject", subject),
        (Paragraphs) override.getOrDefault("approved", approved),
        (Paragraphs) override.getOrDefault("rejected", rejected),
        (Paragraphs) override.getOrDefault("remedy", remedy),
        (Integer) override.getOrDefault("freeTextMaxLength", freeTextMaxLength));
  }
}
