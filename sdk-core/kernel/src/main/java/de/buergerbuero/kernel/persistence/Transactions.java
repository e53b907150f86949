package de.buergerbuero.kernel.persistence;

import de.buergerbuero.kernel.error.BuergerbueroException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Runs work in a transaction (joining one that is active). A {@link BuergerbueroException} — an
 * expected business outcome such as "not found" or "invalid input" — rolls the transaction back and
 * is rethrown after the transaction boundary. Why not plain {@code @Transactional}: Liberty records
 * every exception that crosses its transaction interceptor as a First Failure Data Capture
 * incident, which would flood the logs with ordinary 4xx answers (and their details).
 */
@ApplicationScoped
public class Transactions {
  @Inject TransactionalRunner runner;

  public <T> T required(Supplier<T> work) {
    TransactionalRunner.Outcome<T> outcome = runner.run(work);
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
    return outcome.value();
  }

  public void required(Runnable work) {
    required(
        () -> {
          work.run();
          return null;
        });
  }
}
