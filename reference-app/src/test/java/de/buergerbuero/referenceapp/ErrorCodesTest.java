package de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.error.ErrorCatalog;
import de.buergerbuero.kernel.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The codes the modules publish ({@link ErrorCatalog}, from which the OpenAPI document builds its
 * problem examples) are the codes docs/error-codes.md documents, with the same HTTP status.
 */
@DisplayName("Error codes")
class ErrorCodesTest {
  private static final Pattern ROW = Pattern.compile("^\\| (BB-\\d{4}) \\| (\\d{3}) \\|");

  @Test
  @DisplayName("every published code is documented with its HTTP status, and is unique")
  void publishedCodesAreDocumented() throws Exception {
    Map<String, Integer> documented = new HashMap<>();
    for (String line :
        Files.readAllLines(Path.of("..", "docs", "error-codes.md"), StandardCharsets.UTF_8)) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        documented.put(m.group(1), Integer.parseInt(m.group(2)));
      }
    }
    List<String> problems = new ArrayList<>();
    Map<String, ErrorCode> seen = new HashMap<>();
    int catalogs = 0;
    for (ErrorCatalog catalog : ServiceLoader.load(ErrorCatalog.class)) {
      catalogs++;
      for (ErrorCode code : catalog.codes()) {
        ErrorCode other = seen.put(code.code(), code);
        if (other != null && other != code) {
          problems.add(code.code() + " used twice: " + other + " and " + code);
        }
        Integer status = documented.get(code.code());
        if (status == null) {
          problems.add(code.code() + " (" + code + ") is not in docs/error-codes.md");
        } else if (status != code.httpStatus()) {
          problems.add(code.code() + ": docs say " + status + ", code says " + code.httpStatus());
        }
      }
    }
    assertThat(catalogs).as("kernel, applications, appointments, indoor").isGreaterThanOrEqualTo(4);
    assertThat(problems).isEmpty();
  }
}
