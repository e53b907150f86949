package de.buergerbuero.applications.catalogue;

import de.buergerbuero.kernel.model.LocalizedText;
import java.util.Objects;

/**
 * A department (Fachbereich) that handles services.
 *
 * @param id short id, e.g. {@code ordnungsamt}
 * @param name German and English name
 */
public record Department(String id, LocalizedText name) {
  public Department {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
