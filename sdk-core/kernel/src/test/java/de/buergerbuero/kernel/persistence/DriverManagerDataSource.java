package de.buergerbuero.kernel.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A minimal DataSource for tests: every call opens a new connection. */
public final class DriverManagerDataSource implements DataSource {

  /** Opens a connection. */
  public interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;

  public DriverManagerDataSource(Opener opener) {
    this.opener = opener;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return opener.open();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return opener.open();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
