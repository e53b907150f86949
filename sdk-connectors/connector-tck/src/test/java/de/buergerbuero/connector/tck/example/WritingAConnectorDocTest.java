package de.buergerbuero.connector.tck.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/writing-a-connector.md shows only code that this module compiles and tests. */
class WritingAConnectorDocTest {
  private static final Path DOC = Path.of("../../docs/writing-a-connector.md");
  private static final Path EXAMPLE =
      Path.of("src/test/java/de/buergerbuero/connector/tck/example");

  @Test
  @DisplayName("every Java block of the guide is part of the compiled example connector")
  void everyJavaBlockCompiles() throws IOException {
    assertThat(DOC).as("the guide, relative to the module").exists();
    StringBuilder sources = new StringBuilder();
    try (Stream<Path> files = Files.list(EXAMPLE)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        sources.append(squeeze(Files.readString(f)));
      }
    }
    List<String> blocks = new ArrayList<>();
    Matcher m =
        Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(4);
    for (String block : blocks) {
      assertThat(sources.toString()).as(block).contains(squeeze(block));
    }
  }

  /** Compares code, not layout: the formatter may break lines differently. */
  private static String squeeze(String code) {
    return code.replaceAll("\\s+", "");
  }
}
