package de.buergerbuero.kernel.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Meldebescheinigung.pdf",
        "Größenänderung Straße.pdf",
        "a",
        "scan 01 (2).jpeg",
        "数据.txt"
      })
  @DisplayName("ordinary names, umlauts included, are safe")
  void safe(String name) {
    assertThat(SafeFileNames.problem(name)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        ".",
        "..",
        "../etc/passwd",
        "..\\boot.ini",
        "a/b.pdf",
        "/abs.pdf",
        "C:evil",
        "x\u0000.pdf",
        "line\nbreak.pdf",
        "tab\t.pdf",
        "bell\u0007",
        "trailing.",
        " lead.pdf",
        "del\u007f.pdf",
        "c1\u0085.pdf",
        "lone\uD800.pdf",
        "a?.pdf",
        "pipe|.pdf"
      })
  @DisplayName("path components, control characters and reserved characters are unsafe")
  void unsafe(String name) {
    assertThat(SafeFileNames.problem(name)).isNotNull();
  }

  @org.junit.jupiter.api.Test
  @DisplayName("names longer than 255 bytes in UTF-8 are unsafe")
  void tooLong() {
    assertThat(SafeFileNames.problem("ä".repeat(128))).isNotNull();
    assertThat(SafeFileNames.problem("a".repeat(255))).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rechnung\u202Efdp.exe",
        "rechnung\u202Dpdf.exe",
        "a\u2066b\u2069.pdf",
        "a\u200Bb.pdf",
        "a\u200Fb.pdf",
        "\uFEFFa.pdf",
        "a\u00ADb.pdf",
        "a\u2060b.pdf",
        "a\u061Cb.pdf",
        "a\uFFF9b.pdf",
        "a\uE000b.pdf",
        "a\u0378b.pdf",
        "a\u0085b.pdf"
      })
  @DisplayName(
      "names with bidi overrides and other invisible characters are refused: they would show a"
          + " different name and extension than the file really has")
  void invisible(String name) {
    assertThat(SafeFileNames.problem(name)).isNotNull();
  }
}
