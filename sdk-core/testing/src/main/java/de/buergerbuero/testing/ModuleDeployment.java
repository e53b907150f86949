package de.buergerbuero.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.ConfigurableMavenResolverSystem;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The WAR an Arquillian test of one SDK module deploys: the module's own classes and resources as a
 * jar in {@code WEB-INF/lib}, exactly what its {@code pom.xml} declares for compile and runtime
 * (with their transitive dependencies, resolved by the ShrinkWrap Maven resolver, so the kernel
 * comes in because the module depends on it), the test REST application at {@code /api} and an
 * empty {@code beans.xml} for the test's own beans. Nothing else: if the module needs a class it
 * does not declare, the deployment fails, which is the point (a town adopts modules one by one).
 *
 * <p>The parent pom's {@code arquillian} profile passes the module's directory ({@value
 * #BASEDIR_PROPERTY}) and the local repository ({@code maven.repo.local}); from an IDE the working
 * directory is the module's directory and both defaults fit.
 */
public final class ModuleDeployment {
  /** System property naming the directory of the module under test. */
  public static final String BASEDIR_PROPERTY = "buergerbuero.module.basedir";

  private ModuleDeployment() {}

  /** The module's WAR, named after its directory; add test beans and configuration to it. */
  public static WebArchive war() {
    Path basedir = basedir();
    Path classes = basedir.resolve("target/classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException(classes + " is missing; compile the module first");
    }
    String name = basedir.toAbsolutePath().normalize().getFileName().toString();
    JavaArchive module =
        ShrinkWrap.create(JavaArchive.class, "buergerbuero-" + name + ".jar")
            .as(ExplodedImporter.class)
            .importDirectory(classes.toFile())
            .as(JavaArchive.class);
    File[] declared =
        resolver()
            .loadPomFromFile(basedir.resolve("pom.xml").toFile())
            .importCompileAndRuntimeDependencies()
            .resolve()
            .withTransitivity()
            .asFile();
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addAsLibrary(module)
        .addAsLibraries(declared)
        .addClass(TestRestApplication.class)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  /**
   * A test-scoped dependency of the module (e.g. {@code de.buergerbuero:buergerbuero-connector-tck}
   * for its in-memory DMS), without its transitive dependencies, at the version the pom gives; add
   * it with {@link WebArchive#addAsLibraries(File...)}.
   */
  public static File testLibrary(String groupAndArtifact) {
    return resolver()
        .loadPomFromFile(basedir().resolve("pom.xml").toFile())
        .resolve(groupAndArtifact)
        .withoutTransitivity()
        .asSingleFile();
  }

  private static ConfigurableMavenResolverSystem resolver() {
    // Everything the module declares was resolved by the build that runs the test.
    return Maven.configureResolver().workOffline(Boolean.getBoolean("buergerbuero.module.offline"));
  }

  private static Path basedir() {
    return Path.of(System.getProperty(BASEDIR_PROPERTY, "."));
  }
}
