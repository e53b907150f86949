package de.buergerbuero.applications.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.intake.SafeJson;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Whom a Bescheid or notice goes to, from what the application holds — nothing else is looked up:
 *
 * <ul>
 *   <li>the BundID postbox: the handle the applicant logged in with, only while the applicant
 *       agrees to receive the Bescheid there ({@code postbox_consent_at});
 *   <li>the postal address: the first object of the form marked {@code "x-postal-address": true}
 *       with {@code street}, {@code postalCode}, {@code city} (optional {@code country}), addressed
 *       to the applicant's name;
 *   <li>the e-mail address for notices: the first field with {@code "format": "email"}.
 * </ul>
 */
@ApplicationScoped
public class Recipients {
  @Inject ServiceCatalogue catalogue;

  public Recipient of(ApplicationEntity entity) {
    String serviceId = entity.toApplication().serviceId();
    JsonNode schema = catalogue.catalogue().schemas().get(serviceId);
    JsonNode data = SafeJson.read(entity.formData());
    String name = entity.applicantName();
    Recipient.PostalAddress address = null;
    JsonNode postal =
        schema == null ? null : first(schema, data, f -> f.path("x-postal-address").asBoolean());
    if (postal != null && postal.isObject()) {
      try {
        address =
            new Recipient.PostalAddress(
                name,
                text(postal, "street"),
                text(postal, "postalCode"),
                text(postal, "city"),
                text(postal, "country"));
      } catch (DeliveryException incomplete) {
        address = null;
      }
    }
    JsonNode email =
        schema == null ? null : first(schema, data, f -> "email".equals(f.path("format").asText()));
    return new Recipient(
        name,
        entity.postboxConsentAt() == null ? null : entity.postboxHandle(),
        address,
        email != null && email.isTextual() && !email.asText().isBlank()
            ? email.asText().strip()
            : null);
  }

  /** The applicant's e-mail address for notices, if the form has one filled in. */
  public String email(ApplicationEntity entity) {
    return of(entity).email();
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v != null && v.isTextual() ? v.asText().strip() : null;
  }

  /** The filled value of the first field (depth first) the schema marks as wanted. */
  static JsonNode first(JsonNode schema, JsonNode data, Predicate<JsonNode> wanted) {
    if (schema == null || data == null || !data.isObject()) {
      return null;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode value = data.get(f.getKey());
      if (value == null || value.isNull()) {
        continue;
      }
      if (wanted.test(f.getValue())) {
        return value;
      }
      JsonNode nested = first(f.getValue(), value, wanted);
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }
}
