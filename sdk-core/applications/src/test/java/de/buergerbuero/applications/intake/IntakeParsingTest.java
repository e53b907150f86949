package de.buergerbuero.applications.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.applications.catalogue.CatalogueLoader;
import de.buergerbuero.kernel.error.FieldError;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.error.MalformedRequestException;
import de.buergerbuero.kernel.error.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IntakeParsingTest {

  @Test
  @DisplayName(
      "untrusted JSON: deep nesting, duplicates, trailing garbage, invalid UTF-8 and size are refused")
  void safeJson() {
    assertThat(SafeJson.read("{\"a\":[1,{\"b\":\"ü\"}]}").path("a").get(1).path("b").asText())
        .isEqualTo("ü");
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThatThrownBy(() -> SafeJson.read(deep))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("verschachtelt");
    assertThatThrownBy(() -> SafeJson.read("{\"a\":1,\"a\":2}"))
        .isInstanceOf(MalformedRequestException.class);
    assertThatThrownBy(() -> SafeJson.read("{} {}")).isInstanceOf(MalformedRequestException.class);
    assertThatThrownBy(() -> SafeJson.read("")).isInstanceOf(MalformedRequestException.class);
    byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThatThrownBy(() -> SafeJson.read(new ByteArrayInputStream(badUtf8), 100))
        .isInstanceOf(MalformedRequestException.class);
    byte[] big = ("{\"a\":\"" + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SafeJson.read(new ByteArrayInputStream(big), 100))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ApplicationsError.REQUEST_TOO_LARGE));
  }

  @Test
  @DisplayName("form data is checked against the JSON Schema and every invalid field is named")
  void formValidation() {
    var schema =
        CatalogueLoader.schemaRegistry()
            .getSchema(
                "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"items\",\"email\"],"
                    + "\"properties\":{\"items\":{\"type\":\"array\",\"minItems\":1},\"email\":{\"type\":\"string\",\"format\":\"email\"}}}");
    FormValidator.validate(
        schema, SafeJson.read("{\"items\":[\"Sofa\"],\"email\":\"anna@example.org\"}"));
    assertThatThrownBy(
            () ->
                FormValidator.validate(
                    schema, SafeJson.read("{\"items\":[],\"email\":\"kein-mail\",\"x\":1}")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ApplicationsError.FORM_DATA_INVALID);
              assertThat(e.fieldErrors())
                  .extracting(FieldError::field)
                  .contains("/formData/items", "/formData/email", "/formData");
            });
    assertThatThrownBy(
            () -> FormValidator.validate(schema, SafeJson.read("{\"email\":\"a@b.de\"}")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("/formData/items"));
    assertThatThrownBy(() -> FormValidator.validate(schema, SafeJson.read("[1]")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("multipart file names: raw UTF-8, RFC 8187 filename* and quoting are read correctly")
  void contentDisposition() {
    String raw =
        new String(
            "form-data; name=\"attachments\"; filename=\"Foto Küche.jpg\""
                .getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1);
    assertThat(ContentDisposition.parse(raw))
        .isEqualTo(new ContentDisposition("attachments", "Foto Küche.jpg"));
    assertThat(
            ContentDisposition.parse(
                    "form-data; name=\"a\"; filename=\"x.pdf\"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20A.pdf")
                .fileName())
        .isEqualTo("Größe A.pdf");
    assertThat(ContentDisposition.parse("form-data; name=serviceId"))
        .isEqualTo(new ContentDisposition("serviceId", null));
    assertThat(
            ContentDisposition.parse("form-data; name=\"f\"; filename=\"a\\\"b.txt\"").fileName())
        .isEqualTo("a\"b.txt");
    assertThat(
            ContentDisposition.parse("form-data; name=\"f\"; filename=\"../../etc/passwd\"")
                .fileName())
        .isEqualTo("../../etc/passwd");
    assertThat(ContentDisposition.parse(null)).isEqualTo(new ContentDisposition(null, null));
  }

  @Test
  @DisplayName("the error codes of the module stay in their range")
  void codes() {
    for (ApplicationsError e : ApplicationsError.values()) {
      assertThat(e.code()).matches("BB-2\\d{3}");
    }
    assertThat(KernelError.INTERNAL.code()).isEqualTo("BB-1000");
  }
}
