/**
 * Guards that every instance of a deployment shares through the SDK's database: {@link
 * de.buergerbuero.kernel.spi.guard.ReplayGuard} (one-time identifiers) and {@link
 * de.buergerbuero.kernel.spi.guard.ClientLimits} (per-client limits). Connectors and modules inject
 * them; nothing here is kept in one instance's memory (ADR 0019).
 */
package de.buergerbuero.kernel.spi.guard;
