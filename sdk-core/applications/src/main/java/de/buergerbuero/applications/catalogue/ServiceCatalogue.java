package de.buergerbuero.applications.catalogue;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.model.ServiceOffering;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The loaded service catalogue. The catalogue file is a classpath resource of the application
 * (config key {@code buergerbuero.catalogue.resource}, default {@code catalogue/services.json}).
 */
@ApplicationScoped
public class ServiceCatalogue {

  @Inject
  @ConfigProperty(
      name = "buergerbuero.catalogue.resource",
      defaultValue = "catalogue/services.json")
  String resource;

  private Catalogue catalogue;

  @PostConstruct
  void load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    catalogue = CatalogueLoader.load(loader, resource);
  }

  /** Loads the catalogue at start-up, so that a broken one stops the deployment. */
  void onStartup(@Observes Startup startup) {
    catalogue.services();
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  public ServiceOffering require(String id) {
    return catalogue
        .find(id)
        .orElseThrow(
            () ->
                new NoSuchResourceException(
                    ApplicationsError.UNKNOWN_SERVICE, "Unbekannter Dienst: " + safe(id)));
  }

  /** Services matching a free-text query (name, description, keywords) and a department. */
  public List<ServiceOffering> search(String query, String department) {
    String q = normalise(query);
    return catalogue.services().stream()
        .filter(
            s -> department == null || department.isBlank() || s.department().equals(department))
        .filter(s -> q.isEmpty() || matches(s, q))
        .toList();
  }

  private static boolean matches(ServiceOffering s, String q) {
    StringBuilder hay =
        new StringBuilder()
            .append(s.name().de())
            .append(' ')
            .append(s.name().en())
            .append(' ')
            .append(s.description().de())
            .append(' ')
            .append(s.id())
            .append(' ')
            .append(s.leikaKey().value());
    s.keywords().forEach(k -> hay.append(' ').append(k));
    String text = normalise(hay.toString());
    for (String word : q.split("\\s+")) {
      if (!text.contains(word)) {
        return false;
      }
    }
    return true;
  }

  /** Lower case, umlauts folded (ä→ae …), so "Mull" finds "Müll" and "muell". */
  static String normalise(String s) {
    if (s == null) {
      return "";
    }
    String lower = s.toLowerCase(Locale.GERMAN).strip();
    lower = lower.replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss");
    lower = lower.replace("ae", "a").replace("oe", "o").replace("ue", "u");
    return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  private static String safe(String id) {
    if (id == null) {
      return "(leer)";
    }
    String cut = id.length() > 64 ? id.substring(0, 64) + "…" : id;
    return cut.replaceAll("[^\\p{L}\\p{N}_.-]", "?");
  }
}
