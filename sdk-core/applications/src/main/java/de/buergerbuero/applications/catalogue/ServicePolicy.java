package de.buergerbuero.applications.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * What the catalogue says about a service's attachments and records beyond the kernel's {@link
 * de.buergerbuero.kernel.model.ServiceOffering}.
 *
 * @param attachmentTypes media types the service accepts as attachments ({@code image/*} allowed);
 *     empty: the configured default ({@code buergerbuero.upload.accepted-types})
 * @param retentionDays days an application is kept after its decision (or withdrawal) once it is
 *     filed in the DMS; empty: {@code buergerbuero.retention.default-days}
 */
public record ServicePolicy(List<String> attachmentTypes, Optional<Integer> retentionDays) {
  public static final ServicePolicy DEFAULT = new ServicePolicy(List.of(), Optional.empty());

  public ServicePolicy {
    attachmentTypes = attachmentTypes == null ? List.of() : List.copyOf(attachmentTypes);
    retentionDays = retentionDays == null ? Optional.empty() : retentionDays;
    if (retentionDays.isPresent() && retentionDays.get() < 0) {
      throw new IllegalArgumentException("retentionDays must not be negative");
    }
  }
}
