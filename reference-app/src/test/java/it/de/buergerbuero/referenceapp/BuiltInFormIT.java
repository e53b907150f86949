package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.assertProblem;
import static it.de.buergerbuero.referenceapp.Api.get;
import static it.de.buergerbuero.referenceapp.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Built-in forms from the services' JSON Schemas")
class BuiltInFormIT {
  @Test
  @DisplayName("a service's form lists its inputs with German and English labels and constraints")
  void form() {
    JsonObject form = object(get("/api/v1/services/laermbeschwerde/form", null));
    assertThat(form.getJsonObject("title").getString("de")).isEqualTo("Lärmbeschwerde");
    Map<String, JsonObject> fields =
        form.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(f -> f.getString("pointer"), Function.identity()));
    assertThat(fields)
        .containsKeys("/address/street", "/address/postalCode", "/description", "/email");
    JsonObject street = fields.get("/address/street");
    assertThat(street.getJsonObject("label").getString("de")).isEqualTo("Straße und Hausnummer");
    assertThat(street.getJsonObject("label").getString("en")).isEqualTo("Street and house number");
    assertThat(street.getBoolean("required")).isTrue();
    assertThat(fields.get("/address/postalCode").getString("pattern")).isEqualTo("^[0-9]{5}$");
    assertThat(fields.get("/email").getBoolean("required")).isFalse();
    assertThat(fields.get("/email").getString("format")).isEqualTo("email");
    assertThat(form.getJsonObject("schema").getString("$schema"))
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  @DisplayName("an unknown service is 404 BB-2001")
  void unknown() {
    assertProblem(get("/api/v1/services/gibt-es-nicht/form", null), 404, "BB-2001");
  }
}
