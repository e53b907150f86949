/**
 * Delivery to the applicant (the way back): {@link
 * de.buergerbuero.kernel.spi.delivery.DeliveryPort} with its values and errors. Tested with {@code
 * DeliveryCompatibilityKit} from {@code buergerbuero-connector-tck}.
 */
package de.buergerbuero.kernel.spi.delivery;
