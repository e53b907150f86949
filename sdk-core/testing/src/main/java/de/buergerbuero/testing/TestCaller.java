package de.buergerbuero.testing;

import de.buergerbuero.kernel.model.TrustLevel;

/**
 * Who a test request is sent as; {@link HeaderCallers} turns it back into a {@link
 * de.buergerbuero.kernel.security.Caller} in the server. A citizen {@code anna} is "Anna Muster"
 * with the pseudonymous subject {@code pseudonym-anna}.
 *
 * @param header the {@value #HEADER} value, or {@code null} for nobody logged in
 */
public record TestCaller(String header) {
  public static final String HEADER = "X-Test-Caller";

  public static final TestCaller ANONYMOUS = new TestCaller(null);

  public static TestCaller citizen(String name, TrustLevel level) {
    return new TestCaller("citizen " + name + " " + level.name());
  }

  public static TestCaller citizen(String name) {
    return citizen(name, TrustLevel.SUBSTANTIAL);
  }

  /** A citizen who logged in with a BundID postbox (handle {@code postbox}). */
  public static TestCaller citizenWithPostbox(String name, String postbox) {
    return new TestCaller("citizen " + name + " SUBSTANTIAL postbox=" + postbox);
  }

  public static TestCaller company(String name, TrustLevel level) {
    return new TestCaller("company " + name + " " + level.name());
  }

  public static TestCaller clerk(String name, String... departments) {
    return new TestCaller("staff " + name + " " + String.join(",", departments));
  }

  public static TestCaller admin(String name) {
    return new TestCaller("admin " + name);
  }
}
