package de.buergerbuero.connector.fitconnect.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The JSON documents of the token endpoint and the Submission API, and the decrypted metadata, as
 * JSON-B records. Only the fields the subscriber reads are declared; others are ignored.
 */
public final class FitConnectJson {
  private FitConnectJson() {}

  /** Answer of the token endpoint. */
  public record Token(
      @JsonbProperty("access_token") String accessToken,
      @JsonbProperty("expires_in") Long expiresIn) {}

  /** {@code GET /v1/submissions}: the submissions waiting at the destination. */
  public record SubmissionList(List<Entry> submissions) {
    public record Entry(String submissionId, String caseId, String destinationId) {}
  }

  /** {@code GET /v1/submissions/{id}}: one submission, metadata and data encrypted (JWE). */
  public record Submission(
      String submissionId,
      String caseId,
      String destinationId,
      ServiceType serviceType,
      List<String> attachments,
      String encryptedMetadata,
      String encryptedData) {
    public String serviceIdentifier() {
      return serviceType == null ? null : serviceType.identifier();
    }
  }

  /** {@code GET /v1/cases/{caseId}/events}: the Security Event Tokens of the case. */
  public record EventLog(List<String> eventLog) {}

  public record ServiceType(String identifier, String name) {}

  /** The decrypted metadata (FIT-Connect metadata schema 1.x), as far as read. */
  public record Metadata(
      ContentStructure contentStructure, AdditionalReferenceInfo additionalReferenceInfo) {}

  public record ContentStructure(Data data, List<Attachment> attachments) {}

  public record Data(Hash hash, SubmissionSchema submissionSchema) {}

  public record SubmissionSchema(String schemaUri, String mimeType) {}

  public record Hash(String type, String content) {}

  /** {@code purpose}: {@code form} (the filled-in form as PDF), {@code attachment}, … */
  public record Attachment(
      String attachmentId, String filename, String mimeType, String purpose, Hash hash) {}

  public record AdditionalReferenceInfo(String submissionDate) {}
}
