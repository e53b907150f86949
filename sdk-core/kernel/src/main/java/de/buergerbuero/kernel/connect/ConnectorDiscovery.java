package de.buergerbuero.kernel.connect;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds connector factories by kind: first the ones the application registers explicitly (CDI
 * beans), then the ones connector jars declare in {@code META-INF/services} (ADR 0012). An explicit
 * factory replaces a service-file one of the same kind; two service-file factories of one kind stop
 * the start, naming both classes.
 */
public final class ConnectorDiscovery {
  private ConnectorDiscovery() {}

  public static <F> Map<String, F> byKind(
      Class<F> type, Function<F, String> kind, Iterable<? extends F> explicit) {
    Map<String, F> found = new LinkedHashMap<>();
    for (F factory : ServiceLoader.load(type, classLoader(type))) {
      F other = found.putIfAbsent(kind.apply(factory), factory);
      if (other != null && other.getClass() != factory.getClass()) {
        throw new ConfigurationException(
            "Two "
                + type.getSimpleName()
                + "s of kind "
                + kind.apply(factory)
                + ": "
                + other.getClass().getName()
                + " and "
                + factory.getClass().getName());
      }
    }
    for (F factory : explicit) {
      found.put(kind.apply(factory), factory);
    }
    return found;
  }

  private static ClassLoader classLoader(Class<?> type) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : type.getClassLoader();
  }
}
