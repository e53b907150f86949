package de.buergerbuero.kernel.spi.guard;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** Recognises a violated primary or unique key (SQL state class 23) on Derby and PostgreSQL. */
final class Duplicates {
  private Duplicates() {}

  static boolean isDuplicateKey(SQLException e) {
    return e instanceof SQLIntegrityConstraintViolationException
        || (e.getSQLState() != null && e.getSQLState().startsWith("23"));
  }
}
