package de.buergerbuero.kernel.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/** The SQL databases the SDK supports, with the few differences its SQL has to care about. */
public enum Dialect {
  DERBY(
      Map.of(
          "clob", "CLOB",
          "blob", "BLOB",
          "timestamp", "TIMESTAMP",
          "bool", "BOOLEAN",
          "setType", "SET DATA TYPE")),
  POSTGRESQL(
      Map.of(
          "clob", "TEXT",
          "blob", "BYTEA",
          "timestamp", "TIMESTAMP",
          "bool", "BOOLEAN",
          "setType", "TYPE"));

  private final Map<String, String> placeholders;

  Dialect(Map<String, String> placeholders) {
    this.placeholders = placeholders;
  }

  /** Values for {@code ${name}} placeholders in migration scripts. */
  public Map<String, String> placeholders() {
    return placeholders;
  }

  /** Whether {@code SELECT … FOR UPDATE SKIP LOCKED} is available. */
  public boolean supportsSkipLocked() {
    return this == POSTGRESQL;
  }

  /** SQL that returns the next value of {@code sequence} as a single row and column. */
  public String nextValueSql(String sequence) {
    return this == POSTGRESQL
        ? "SELECT nextval('" + sequence + "')"
        : "VALUES NEXT VALUE FOR " + sequence;
  }

  public static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("derby")) {
      return DERBY;
    }
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    throw new SQLException("Unsupported database: " + product);
  }
}
