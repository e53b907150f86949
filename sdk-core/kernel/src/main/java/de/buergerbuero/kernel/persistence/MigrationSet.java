package de.buergerbuero.kernel.persistence;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The schema migrations one module contributes, listed explicitly and in order. Each script is a
 * classpath resource named {@code V<version>__<description>.sql}; its statements end with {@code ;}
 * at the end of a line and may use the {@link Dialect} placeholders {@code ${clob}}, {@code
 * ${blob}}, {@code ${timestamp}}, {@code ${bool}}. A module's sets are published as CDI beans.
 *
 * @param module a unique module name, e.g. {@code kernel}
 * @param resourceFolder the classpath folder of the scripts, e.g. {@code de/buergerbuero/kernel/db}
 * @param scripts the script file names in the order they must run
 */
public record MigrationSet(String module, String resourceFolder, List<String> scripts) {
  static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

  public MigrationSet {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(resourceFolder, "resourceFolder");
    scripts = List.copyOf(scripts);
    int previous = 0;
    for (String script : scripts) {
      var m = NAME.matcher(script);
      if (!m.matches()) {
        throw new IllegalArgumentException("Bad migration name: " + script);
      }
      int version = Integer.parseInt(m.group(1));
      if (version <= previous) {
        throw new IllegalArgumentException("Migrations out of order in " + module + ": " + script);
      }
      previous = version;
    }
  }
}
