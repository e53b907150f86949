package de.buergerbuero.testing;

import de.buergerbuero.kernel.model.Applicant;
import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.security.CallerResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Test login for modules deployed without a login module: the caller is whoever the request's
 * {@value TestCaller#HEADER} header names (see {@link TestCaller}). Add it to a test deployment
 * only; it trusts the client completely.
 */
@ApplicationScoped
public class HeaderCallers implements CallerResolver {
  @Inject HttpServletRequest request;

  @Override
  public Caller current() {
    return parse(request.getHeader(TestCaller.HEADER));
  }

  static Caller parse(String header) {
    if (header == null || header.isBlank()) {
      return new Caller.Anonymous();
    }
    String[] parts = header.strip().split(" ", 3);
    String role = parts[0];
    String name = parts.length > 1 ? parts[1] : "test";
    String rest = parts.length > 2 ? parts[2] : "";
    return switch (role) {
      case "citizen", "company" -> {
        String[] options = rest.isEmpty() ? new String[0] : rest.split(" ");
        String level = options.length == 0 ? "SUBSTANTIAL" : options[0];
        String postbox =
            Arrays.stream(options)
                .filter(o -> o.startsWith("postbox="))
                .map(o -> o.substring("postbox=".length()))
                .findFirst()
                .orElse(null);
        yield new Caller.ApplicantCaller(
            new Applicant(
                "pseudonym-" + name,
                role.equals("citizen") ? ApplicantKind.CITIZEN : ApplicantKind.COMPANY,
                displayName(name),
                postbox),
            TrustLevel.valueOf(level.toUpperCase(Locale.ROOT)));
      }
      case "staff", "admin" ->
          new Caller.StaffCaller(
              name,
              displayName(name),
              rest.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(rest.split(","))),
              role.equals("admin"));
      default -> throw new IllegalArgumentException("unknown test caller: " + header);
    };
  }

  private static String displayName(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " Muster";
  }
}
