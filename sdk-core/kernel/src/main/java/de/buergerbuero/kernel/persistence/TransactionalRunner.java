package de.buergerbuero.kernel.persistence;

import de.buergerbuero.kernel.error.BuergerbueroException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** The intercepted half of {@link Transactions}; use that class instead. */
@ApplicationScoped
public class TransactionalRunner {
  @Resource TransactionSynchronizationRegistry registry;

  /** The result of the work, or the business failure that rolled it back. */
  public record Outcome<T>(T value, BuergerbueroException failure) {}

  @Transactional
  public <T> Outcome<T> run(Supplier<T> work) {
    try {
      return new Outcome<>(work.get(), null);
    } catch (BuergerbueroException e) {
      registry.setRollbackOnly();
      return new Outcome<>(null, e);
    }
  }
}
