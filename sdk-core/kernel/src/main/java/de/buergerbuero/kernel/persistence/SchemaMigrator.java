package de.buergerbuero.kernel.persistence;

import de.buergerbuero.kernel.crypto.Hashes;
import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.KernelError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies versioned migration scripts, per module, once each, on Derby and PostgreSQL. Records
 * every applied script with a SHA-256 checksum in {@code bb_schema_history} and refuses to start
 * when an applied script was changed afterwards. Concurrent instances serialise on a table lock.
 * See ADR 0003 for why this is not Flyway.
 */
public final class SchemaMigrator {
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
  private static final String HISTORY = "bb_schema_history";

  private final DataSource dataSource;
  private final ClassLoader classLoader;

  public SchemaMigrator(DataSource dataSource, ClassLoader classLoader) {
    this.dataSource = dataSource;
    this.classLoader = classLoader;
  }

  /** Applies what is missing; returns the number of scripts applied. */
  public int migrate(List<MigrationSet> sets) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      Dialect dialect = Dialect.of(c);
      ensureHistoryTable(c);
      int applied = 0;
      try (Statement lock = c.createStatement()) {
        lock.execute("LOCK TABLE " + HISTORY + " IN EXCLUSIVE MODE");
        for (MigrationSet set : sets) {
          applied += migrate(c, dialect, set);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      return applied;
    } catch (SQLException e) {
      throw new MigrationFailedException("Schema migration failed: " + e.getMessage(), e);
    }
  }

  private int migrate(Connection c, Dialect dialect, MigrationSet set) throws SQLException {
    Map<Integer, String> done = new java.util.HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version, checksum FROM " + HISTORY + " WHERE module = ?")) {
      ps.setString(1, set.module());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          done.put(rs.getInt(1), rs.getString(2));
        }
      }
    }
    int applied = 0;
    for (String script : set.scripts()) {
      var m = MigrationSet.NAME.matcher(script);
      m.matches();
      int version = Integer.parseInt(m.group(1));
      String text = read(set.resourceFolder() + "/" + script);
      String checksum = sha256(text);
      String existing = done.get(version);
      if (existing != null) {
        if (!existing.equals(checksum)) {
          throw new MigrationFailedException(
              "Migration " + set.module() + "/" + script + " was changed after it was applied.",
              null);
        }
        continue;
      }
      for (String sql : statements(substitute(text, dialect.placeholders()))) {
        try (Statement st = c.createStatement()) {
          st.execute(sql);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + HISTORY
                  + " (module, version, script, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, set.module());
        ps.setInt(2, version);
        ps.setString(3, script);
        ps.setString(4, checksum);
        ps.setTimestamp(5, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      }
      LOG.info(() -> "Applied migration " + set.module() + "/" + script);
      applied++;
    }
    return applied;
  }

  private static void ensureHistoryTable(Connection c) throws SQLException {
    if (tableExists(c)) {
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE "
              + HISTORY
              + " (module VARCHAR(64) NOT NULL, version INT NOT NULL, script VARCHAR(200) NOT NULL,"
              + " checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL,"
              + " PRIMARY KEY (module, version))");
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      if (!tableExists(c)) { // another instance may have created it at the same moment
        throw e;
      }
    }
  }

  private static boolean tableExists(Connection c) throws SQLException {
    for (String name : new String[] {HISTORY, HISTORY.toUpperCase(java.util.Locale.ROOT)}) {
      // only the current schema: another schema of the same database may have its own history
      try (ResultSet rs =
          c.getMetaData().getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  static String substitute(String text, Map<String, String> placeholders) {
    String result = text;
    for (var e : placeholders.entrySet()) {
      result = result.replace("${" + e.getKey() + "}", e.getValue());
    }
    if (result.contains("${")) {
      throw new MigrationFailedException("Unknown placeholder in migration script", null);
    }
    return result;
  }

  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        result.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().strip());
    }
    return result;
  }

  private String read(String resource) {
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new MigrationFailedException("Migration script not found: " + resource, null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationFailedException("Cannot read " + resource, e);
    }
  }

  private static String sha256(String text) {
    return Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A migration could not be applied; the application must not start. */
  public static final class MigrationFailedException extends BuergerbueroException {
    private static final long serialVersionUID = 1L;

    MigrationFailedException(String detail, Throwable cause) {
      super(KernelError.MIGRATION_FAILED, detail, cause);
    }
  }
}
