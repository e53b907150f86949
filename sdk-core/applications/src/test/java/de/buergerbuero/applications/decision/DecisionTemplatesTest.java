package de.buergerbuero.applications.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DecisionTemplatesTest {

  /** A class loader that serves one resource with the given JSON text. */
  private static ClassLoader serving(String name, String json) {
    return new ClassLoader(DecisionTemplatesTest.class.getClassLoader()) {
      @Override
      public InputStream getResourceAsStream(String resource) {
        return resource.equals(name)
            ? new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))
            : super.getResourceAsStream(resource);
      }

      @Override
      public URL getResource(String resource) {
        return super.getResource(resource);
      }
    };
  }

  @Test
  @DisplayName("without a town's resource the built-in German and English template applies")
  void builtIn() {
    DecisionTemplate t =
        DecisionTemplates.load(getClass().getClassLoader(), null, Set.of("x")).forService("x");
    assertThat(t.hasEnglish()).isTrue();
    assertThat(t.remedy().de().get(0)).contains("{{court}}", "Klage");
    assertThat(t.freeTextMaxLength()).isEqualTo(4000);
  }

  @Test
  @DisplayName("a service's template overrides only the fields it sets")
  void overrides() {
    String json =
        "{\"services\":{\"parken\":{\"approved\":{\"de\":[\"Erteilt für {{form.vehicle.plate}}.\"]},\"freeTextMaxLength\":0}}}";
    DecisionTemplates all =
        DecisionTemplates.load(serving("t.json", json), "t.json", Set.of("parken", "other"));
    DecisionTemplate parken = all.forService("parken");
    assertThat(parken.approved().de()).containsExactly("Erteilt für {{form.vehicle.plate}}.");
    assertThat(parken.approved().en()).isNull();
    assertThat(parken.hasEnglish()).isFalse();
    assertThat(parken.freeTextMaxLength()).isZero();
    assertThat(parken.rejected().de()).isEqualTo(all.forService("other").rejected().de());
  }

  @Test
  @DisplayName(
      "an unknown placeholder, a template for a service the catalogue lacks, a missing resource or an unknown field stop the start with BB-2016")
  void invalid() {
    assertThatThrownBy(
            () ->
                DecisionTemplates.load(
                    serving("t.json", "{\"default\":{\"subject\":{\"de\":\"{{password}}\"}}}"),
                    "t.json",
                    Set.of()))
        .hasMessageContaining("unknown placeholder {{password}}")
        .hasMessageContaining("Decision templates invalid");
    assertThatThrownBy(
            () ->
                DecisionTemplates.load(
                    serving("t.json", "{\"services\":{\"nope\":{}}}"), "t.json", Set.of("x")))
        .hasMessageContaining("services.nope: not a service of the catalogue");
    assertThatThrownBy(
            () -> DecisionTemplates.load(getClass().getClassLoader(), "missing.json", Set.of()))
        .hasMessageContaining("resource not found: missing.json");
    assertThatThrownBy(
            () ->
                DecisionTemplates.load(
                    serving("t.json", "{\"default\":{\"subjekt\":{\"de\":\"x\"}}}"),
                    "t.json",
                    Set.of()))
        .hasMessageContaining("unknown field subjekt");
  }

  @Test
  @DisplayName(
      "placeholders are filled literally; a value that looks like a placeholder stays text")
  void fill() {
    Map<String, String> values = Map.of("applicant", "{{court}} $1 \\", "reference", "TS-1");
    assertThat(DecisionTemplate.fill("An {{ applicant }} zu {{reference}}", values::get))
        .isEqualTo("An {{court}} $1 \\ zu TS-1");
  }

  @Test
  @DisplayName("form values: nested fields, lists joined, yes/no for booleans, missing ones empty")
  void formValues() throws Exception {
    var form =
        new ObjectMapper()
            .readTree("{\"vehicle\":{\"plate\":\"TS-AB 1\"},\"days\":[\"Mo\",\"Di\"],\"ok\":true}");
    assertThat(DecisionService.formValue(form, "form.vehicle.plate")).isEqualTo("TS-AB 1");
    assertThat(DecisionService.formValue(form, "form.days")).isEqualTo("Mo, Di");
    assertThat(DecisionService.formValue(form, "form.ok")).isEqualTo("ja");
    assertThat(DecisionService.formValue(form, "form.missing.deep")).isEmpty();
    assertThat(DecisionService.formValue(form, "form.vehicle")).isEmpty();
  }
}
