package it.de.buergerbuero.applications;

import static de.buergerbuero.testing.ModuleApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.testing.ModuleApi;
import de.buergerbuero.testing.TestCaller;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ArquillianTest
@DisplayName("The service catalogue, as anyone sees it without logging in")
class ServiceCatalogueIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApplicationsDeployment.war();
  }

  @ArquillianResource URL base;
  ModuleApi api;

  @BeforeEach
  void client() {
    api = new ModuleApi(base);
  }

  @Test
  @DisplayName("every service of the catalogue is listed with its LeiKa key, department and fee")
  void listsEveryService() {
    var all = api.getList("/api/v1/services", TestCaller.ANONYMOUS);
    assertThat(all)
        .extracting(s -> s.getString("id"))
        .containsExactlyInAnyOrder("sperrmuell", "bewohnerparkausweis", "gewerbeanmeldung");
    JsonObject parking =
        all.stream().filter(s -> s.getString("id").equals("bewohnerparkausweis")).findFirst().get();
    assertThat(parking.getString("leikaKey")).isEqualTo("99018032000000");
    assertThat(parking.getString("departmentName")).isEqualTo("Ordnungsamt");
    assertThat(parking.getJsonNumber("fee").bigDecimalValue()).isEqualByComparingTo("30.00");
    assertThat(parking.getString("feeNote")).isEqualTo("je Jahr");
    assertThat(parking.getString("trustLevel")).isEqualTo("substantial");
    assertThat(parking.getJsonArray("applicantKinds").getString(0)).isEqualTo("CITIZEN");
  }

  @Test
  @DisplayName("a citizen finds bulky-waste collection by a keyword with an umlaut")
  void searchByKeyword() {
    assertThat(api.getList("/api/v1/services?q=M%C3%BCll", TestCaller.ANONYMOUS))
        .extracting(s -> s.getString("id"))
        .containsExactly("sperrmuell");
  }

  @Test
  @DisplayName("filtering by department shows only that department's services")
  void filterByDepartment() {
    assertThat(api.getList("/api/v1/services?department=gewerbe", TestCaller.ANONYMOUS))
        .extracting(s -> s.getString("id"))
        .containsExactly("gewerbeanmeldung");
  }

  @Test
  @DisplayName("a service's detail names the documents to bring, the LeiKa URN and the form schema")
  void detail() {
    JsonObject detail = api.getObject("/api/v1/services/bewohnerparkausweis", null);
    assertThat(detail.getString("leikaUrn")).isEqualTo("urn:de:fim:leika:leistung:99018032000000");
    assertThat(detail.getJsonArray("requiredDocuments").getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .containsExactly("Fahrzeugschein");
    assertThat(
            detail
                .getJsonObject("formSchema")
                .getJsonArray("required")
                .getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .containsExactly("licensePlate", "zone");
  }

  @Test
  @DisplayName("the built-in form lists its inputs in German and English, with their constraints")
  void builtInForm() {
    JsonObject form = api.getObject("/api/v1/services/sperrmuell/form", null);
    assertThat(form.getJsonObject("title").getString("de")).isEqualTo("Sperrmüllabholung");
    Map<String, JsonObject> fields =
        form.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(f -> f.getString("pointer"), Function.identity()));
    assertThat(fields).containsKeys("/address/street", "/address/postalCode", "/items", "/email");
    JsonObject street = fields.get("/address/street");
    assertThat(street.getJsonObject("label").getString("de")).isEqualTo("Straße und Hausnummer");
    assertThat(street.getJsonObject("label").getString("en")).isEqualTo("Street and house number");
    assertThat(street.getBoolean("required")).isTrue();
    assertThat(street.getInt("minLength")).isEqualTo(3);
    assertThat(fields.get("/address/postalCode").getString("pattern")).isEqualTo("^[0-9]{5}$");
    assertThat(fields.get("/email").getBoolean("required")).isFalse();
    assertThat(fields.get("/email").getString("format")).isEqualTo("email");
    assertThat(fields.get("/items").getString("type")).isEqualTo("array");
  }

  @Test
  @DisplayName("an unknown service is 404 BB-2001, for the detail and for the form")
  void unknownService() {
    assertProblem(api.get("/api/v1/services/gibt-es-nicht", null), 404, "BB-2001");
    assertProblem(api.get("/api/v1/services/gibt-es-nicht/form", null), 404, "BB-2001");
  }
}
