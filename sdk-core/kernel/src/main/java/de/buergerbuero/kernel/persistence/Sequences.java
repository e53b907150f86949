package de.buergerbuero.kernel.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;

/** Reads database sequences portably (Derby and PostgreSQL spell it differently). */
public final class Sequences {
  private static final ConcurrentHashMap<Integer, Dialect> DIALECTS = new ConcurrentHashMap<>();

  private Sequences() {}

  /** The next value of {@code sequence}; call inside a transaction. */
  public static long next(EntityManager em, String sequence) {
    Dialect dialect = dialect(em);
    Object value = em.createNativeQuery(dialect.nextValueSql(sequence)).getSingleResult();
    return ((Number) value).longValue();
  }

  /** The dialect of the database behind {@code em}; call inside a transaction. */
  public static Dialect dialect(EntityManager em) {
    // one entry per persistence unit; an application has one or very few
    return DIALECTS.computeIfAbsent(
        System.identityHashCode(em.getEntityManagerFactory()),
        k -> {
          try {
            return Dialect.of(em.unwrap(Connection.class));
          } catch (SQLException e) {
            throw new IllegalStateException("Cannot determine database dialect", e);
          }
        });
  }
}
