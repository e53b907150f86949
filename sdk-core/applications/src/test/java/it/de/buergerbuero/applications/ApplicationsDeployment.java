package it.de.buergerbuero.applications;

import de.buergerbuero.testing.HeaderCallers;
import de.buergerbuero.testing.ModuleDeployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The applications module alone: its pom's dependencies, the kernel, the TCK's in-memory DMS, the
 * header test login and a small test catalogue ({@code it/catalogue}).
 */
final class ApplicationsDeployment {
  private ApplicationsDeployment() {}

  static WebArchive war() {
    return ModuleDeployment.war()
        .addAsLibraries(ModuleDeployment.testLibrary("de.buergerbuero:buergerbuero-connector-tck"))
        .addClasses(
            HeaderCallers.class,
            InMemoryDms.class,
            DmsControlResource.class,
            InMemoryChannels.class,
            NoticesResource.class)
        .addAsResource("it/catalogue/services.json")
        .addAsResource("it/catalogue/forms/sperrmuell.json")
        .addAsResource("it/catalogue/forms/parken.json")
        .addAsResource("it/catalogue/forms/gewerbe.json")
        .addAsResource("it/decisions.json")
        .addAsResource("it/applications.properties", "META-INF/microprofile-config.properties");
  }
}
