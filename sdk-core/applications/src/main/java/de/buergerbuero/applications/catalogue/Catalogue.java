package de.buergerbuero.applications.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import de.buergerbuero.kernel.model.ServiceOffering;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The municipality's service catalogue, loaded once and immutable.
 *
 * @param services the services, in catalogue order
 * @param departments the departments by id
 * @param schemas the raw JSON Schema of each service's form, by service id
 * @param validators the compiled schemas, by service id
 * @param policies attachment types and retention, by service id (missing: defaults)
 */
public record Catalogue(
    List<ServiceOffering> services,
    Map<String, Department> departments,
    Map<String, JsonNode> schemas,
    Map<String, Schema> validators,
    Map<String, ServicePolicy> policies) {

  public Catalogue {
    services = List.copyOf(services);
    departments = Map.copyOf(departments);
    schemas = Map.copyOf(schemas);
    validators = Map.copyOf(validators);
    policies = Map.copyOf(policies);
  }

  public Catalogue(
      List<ServiceOffering> services,
      Map<String, Department> departments,
      Map<String, JsonNode> schemas,
      Map<String, Schema> validators) {
    this(services, departments, schemas, validators, Map.of());
  }

  public ServicePolicy policy(String serviceId) {
    return policies.getOrDefault(serviceId, ServicePolicy.DEFAULT);
  }

  public Optional<ServiceOffering> find(String id) {
    return services.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
