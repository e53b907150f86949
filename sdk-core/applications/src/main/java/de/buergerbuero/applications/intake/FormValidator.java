package de.buergerbuero.applications.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.kernel.error.FieldError;
import de.buergerbuero.kernel.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Checks form data against its service's JSON Schema and names every invalid field. */
public final class FormValidator {
  private static final int MAX_ERRORS = 50;

  private FormValidator() {}

  public static void validate(Schema schema, JsonNode formData) {
    if (formData == null || !formData.isObject()) {
      throw new InvalidInputException(
          ApplicationsError.FORM_DATA_INVALID,
          "formData muss ein JSON-Objekt sein.",
          List.of(new FieldError("/formData", "formData muss ein JSON-Objekt sein.")));
    }
    List<Error> errors = schema.validate(formData);
    if (errors.isEmpty()) {
      return;
    }
    List<FieldError> fields = new ArrayList<>();
    for (Error e : errors) {
      if (fields.size() == MAX_ERRORS) {
        break;
      }
      fields.add(new FieldError(pointer(e), e.getMessage()));
    }
    throw new InvalidInputException(
        ApplicationsError.FORM_DATA_INVALID,
        "Das Formular enthält " + errors.size() + " Fehler.",
        fields);
  }

  /** JSON pointer of the offending field below {@code /formData}. */
  private static String pointer(Error e) {
    String at = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
      at = (at.equals("/") ? "" : at) + "/" + e.getProperty();
    }
    if (at.isEmpty() || at.equals("/")) {
      return "/formData";
    }
    return "/formData" + (at.startsWith("/") ? at : "/" + at);
  }
}
