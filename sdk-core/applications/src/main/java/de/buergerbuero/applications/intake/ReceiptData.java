package de.buergerbuero.applications.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import java.util.List;

/** What a receipt (Eingangsbestätigung) shows. */
public record ReceiptData(
    String reference,
    String serviceName,
    String leikaKey,
    String applicantName,
    ZonedDateTime submittedAt,
    String status,
    JsonNode formData,
    List<String> attachments) {}
