package de.buergerbuero.kernel.spi.guard;

import de.buergerbuero.kernel.audit.AuditKeys;
import de.buergerbuero.kernel.persistence.SharedTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BinaryOperator;
import javax.sql.DataSource;

/**
 * Per-client limits shared by every instance of a deployment (table {@code bb_client_window},
 * kernel migration V6): at most {@code limit} actions of one client per fixed window (e.g. 10 holds
 * per hour), counted in the database so that a client spreading its requests over several instances
 * gets the limit once, not once per instance. One {@code UPDATE … WHERE hits < limit} decides per
 * action, so concurrent requests on different instances cannot overshoot. Fixed windows: at a
 * window's edge a client may get up to twice the limit within a short time — acceptable for abuse
 * limits, and the price of one row per client and window.
 *
 * <p>Client identities (addresses) are stored only as keyed pseudonyms ({@link
 * AuditKeys#pseudonym}); rows are deleted once their window has ended. Meant for actions that write
 * anyway (holds, confirmations, login starts); a hot read path keeps a per-instance limit in
 * memory. Call it outside a business transaction (its statements commit on their own).
 */
@ApplicationScoped
public class ClientLimits extends SharedTable {
  @Inject AuditKeys keys;

  private BinaryOperator<String> pseudonym;

  public ClientLimits() {}

  /**
   * For tests and tools: on this data source, with this keyed hash of (purpose, client) instead of
   * the audit pseudonym key.
   */
  public ClientLimits(DataSource dataSource, BinaryOperator<String> pseudonym) {
    super(dataSource);
    this.pseudonym = pseudonym;
  }

  /**
   * Counts one action of the client.
   *
   * @param scope the kind of action, at most 32 characters (e.g. {@code appointment-hold})
   * @param client the client's identity (e.g. its address)
   * @param limit actions per window; 0 or less = no limit
   * @param window the window length (at least one second)
   * @return false when the client has used up the current window
   */
  public boolean tryAcquire(String scope, String client, int limit, Duration window, Instant now) {
    if (limit <= 0) {
      return true;
    }
    if (scope == null || scope.isEmpty() || scope.length() > 32) {
      throw new IllegalArgumentException("scope of 1 to 32 characters is required");
    }
    long windowMs = Math.max(1000, window.toMillis());
    long start = Math.floorDiv(now.toEpochMilli(), windowMs) * windowMs;
    purgeIfDue(now);
    String hash = hash(scope, client == null ? "" : client);
    try {
      // each step a unit of its own: a duplicate key would abort a PostgreSQL transaction
      if (inUnit(c -> increment(c, scope, hash, start, limit))) {
        return true;
      }
      if (inUnit(c -> insertFirst(c, scope, hash, start, start + windowMs))) {
        return true;
      }
      // another request of the same client created the row meanwhile, or the window is used up
      return inUnit(c -> increment(c, scope, hash, start, limit));
    } catch (SQLException e) {
      throw failure("count a client's action", e);
    }
  }

  private String hash(String scope, String client) {
    BinaryOperator<String> p = pseudonym;
    return p != null ? p.apply(scope, client) : keys.pseudonym("client-limit:" + scope, client);
  }

  private static boolean increment(Connection c, String scope, String hash, long start, int limit)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE bb_client_window SET hits = hits + 1 WHERE scope = ? AND client_hash = ?"
                + " AND window_start_ms = ? AND hits < ?")) {
      update.setString(1, scope);
      update.setString(2, hash);
      update.setLong(3, start);
      update.setInt(4, limit);
      return update.executeUpdate() == 1;
    }
  }

  private static boolean insertFirst(Connection c, String scope, String hash, long start, long end)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO bb_client_window (scope, client_hash, window_start_ms, window_end_ms,"
                + " hits) VALUES (?, ?, ?, ?, 1)")) {
      insert.setString(1, scope);
      insert.setString(2, hash);
      insert.setLong(3, start);
      insert.setLong(4, end);
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (Duplicates.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  protected void purge(Connection c, Instant now) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM bb_client_window WHERE window_end_ms <= ?")) {
      delete.setLong(1, now.toEpochMilli());
      delete.executeUpdate();
    }
  }
}
