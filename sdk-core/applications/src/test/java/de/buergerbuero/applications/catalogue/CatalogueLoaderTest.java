package de.buergerbuero.applications.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.model.TrustLevel;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CatalogueLoaderTest {

  @Test
  @DisplayName("a catalogue loads with its departments, services and compiled form schemas")
  void loads() {
    Catalogue c = CatalogueLoader.load(getClass().getClassLoader(), "testcatalogue/services.json");
    assertThat(c.services()).extracting(s -> s.id()).containsExactly("sperrmuell", "parken");
    assertThat(c.find("parken").orElseThrow().requiredTrustLevel())
        .isEqualTo(TrustLevel.SUBSTANTIAL);
    assertThat(c.find("parken").orElseThrow().name().en()).isEqualTo("Bewohnerparkausweis");
    assertThat(c.validators()).containsKeys("sperrmuell", "parken");
    assertThat(c.departments()).containsKey("ordnungsamt");
  }

  @Test
  @DisplayName("a broken catalogue stops the start with a message naming the service")
  void broken() {
    ClassLoader broken =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          public InputStream getResourceAsStream(String name) {
            if (name.equals("bad.json")) {
              return new ByteArrayInputStream(
                  ("{\"departments\":[{\"id\":\"amt\",\"name\":{\"de\":\"Amt\"}}],\"services\":[{\"id\":\"x1\","
                          + "\"leikaKey\":\"123\",\"name\":{\"de\":\"X\"},\"department\":\"amt\",\"formSchema\":\"f.json\"}]}")
                      .getBytes(StandardCharsets.UTF_8));
            }
            return super.getResourceAsStream(name);
          }
        };
    assertThatThrownBy(() -> CatalogueLoader.load(broken, "bad.json"))
        .hasMessageContaining("x1")
        .hasMessageContaining("14");
    assertThatThrownBy(() -> CatalogueLoader.load(getClass().getClassLoader(), "missing.json"))
        .hasMessageContaining("missing.json");
  }

  @Test
  @DisplayName("search folds umlauts and case")
  void normalise() {
    assertThat(ServiceCatalogue.normalise("Sperrmüll"))
        .isEqualTo(ServiceCatalogue.normalise("sperrmuell"));
    assertThat(ServiceCatalogue.normalise("STRASSE"))
        .isEqualTo(ServiceCatalogue.normalise("Straße"));
  }
}
