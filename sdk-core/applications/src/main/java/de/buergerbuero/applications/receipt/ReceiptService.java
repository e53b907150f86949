package de.buergerbuero.applications.receipt;

import de.buergerbuero.applications.intake.ReceiptData;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders receipts with the municipality's name (config {@code buergerbuero.municipality.name}).
 */
@ApplicationScoped
public class ReceiptService {
  @Inject
  @ConfigProperty(name = "buergerbuero.municipality.name", defaultValue = "Musterstadt")
  String municipality;

  private ReceiptRenderer renderer;

  @PostConstruct
  void init() {
    renderer = new ReceiptRenderer(municipality);
  }

  public byte[] render(ReceiptData data) {
    return renderer.render(data);
  }
}
