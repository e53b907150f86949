package de.buergerbuero.applications.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionRendererTest {
  @TempDir Path dir;

  static DecisionDocument sample(String freeText, DecisionDocument.Translation translation) {
    return new DecisionDocument(
        List.of("Stadt Musterstadt", "Ordnungsamt", "Marktplatz 1, 12345 Musterstadt"),
        List.of("Frau Jördis Müller-Lüdenscheidt"),
        "Musterstadt, 02.12.2026",
        "MS-2026-000042",
        "Bescheid über Ihren Antrag: Bewohnerparkausweis",
        List.of(
            "Sehr geehrte Frau Müller-Lüdenscheidt,",
            "Ihrem Antrag vom 01.12.2026 wird stattgegeben.",
            freeText),
        "Gebühr: 30,00 EUR (je Jahr)",
        List.of(
            "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim"
                + " Verwaltungsgericht Musterstadt erhoben werden."),
        List.of("Im Auftrag", "Ordnungsamt der Stadt Musterstadt"),
        translation);
  }

  private ValidationResult preflight(byte[] pdf) throws IOException {
    File f = Files.write(dir.resolve("bescheid.pdf"), pdf).toFile();
    return PreflightParser.validate(f);
  }

  private void assertPdfA(byte[] pdf) throws IOException {
    ValidationResult result = preflight(pdf);
    assertThat(result.isValid())
        .as(
            result.getErrorsList().stream()
                .map(e -> e.getErrorCode() + " " + e.getDetails())
                .collect(Collectors.joining("; ")))
        .isTrue();
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  @DisplayName("a Bescheid is valid PDF/A-1b and shows the reference, umlauts and the remedy text")
  void validPdfA() throws IOException {
    byte[] pdf =
        new DecisionRenderer().render(sample("Bitte bringen Sie den Fahrzeugschein mit.", null));
    assertPdfA(pdf);
    String text = text(pdf);
    assertThat(text)
        .contains("MS-2026-000042", "Jördis Müller-Lüdenscheidt", "Rechtsbehelfsbelehrung")
        .contains("Bitte bringen Sie den Fahrzeugschein mit.", "Gebühr: 30,00 EUR");
  }

  @Test
  @DisplayName(
      "a long free text flows onto further pages and an English translation follows, still PDF/A")
  void longTextAndTranslation() throws IOException {
    String longText =
        "Begründung: " + "Die Voraussetzungen nach § 45 StVO liegen vor. ".repeat(300);
    byte[] pdf =
        new DecisionRenderer()
            .render(
                sample(
                    longText,
                    new DecisionDocument.Translation(
                        "Decision on your application: resident parking permit",
                        List.of("Your application is granted."),
                        List.of("You may bring an action before the administrative court."))));
    assertPdfA(pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
    }
    assertThat(text(pdf)).contains("English translation", "Your application is granted.");
  }

  @Test
  @DisplayName("characters the font cannot show become '?' instead of breaking the document")
  void unknownGlyphs() throws IOException {
    byte[] pdf = new DecisionRenderer().render(sample("Emoji \uD83D\uDE00 und 漢字", null));
    assertPdfA(pdf);
    assertThat(text(pdf)).contains("Emoji ? und ??");
  }
}
