package de.buergerbuero.applications.internal;

import de.buergerbuero.kernel.model.ApplicationStatus;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A decision notice (Bescheid) as issued: one per application, the PDF/A bytes kept as issued. */
@Entity
@Table(name = "bb_decision")
public class DecisionEntity {
  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "application_id")
  private String applicationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome")
  private ApplicationStatus outcome;

  @Lob
  @Column(name = "free_text")
  private String freeText;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "size_bytes")
  private long size;

  @Column(name = "sha256")
  private String sha256;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content")
  private byte[] content;

  @Column(name = "issued_at")
  private Instant issuedAt;

  @Column(name = "issued_by")
  private String issuedBy;

  @Column(name = "dms_document_id")
  private String dmsDocumentId;

  protected DecisionEntity() {}

  public DecisionEntity(
      String applicationId,
      ApplicationStatus outcome,
      String freeText,
      String fileName,
      byte[] content,
      String sha256,
      Instant issuedAt,
      String issuedBy) {
    this.id = UUID.randomUUID().toString();
    this.applicationId = applicationId;
    this.outcome = outcome;
    this.freeText = freeText;
    this.fileName = fileName;
    this.content = content;
    this.size = content.length;
    this.sha256 = sha256;
    this.issuedAt = issuedAt;
    this.issuedBy = issuedBy;
  }

  public String id() {
    return id;
  }

  public String applicationId() {
    return applicationId;
  }

  public ApplicationStatus outcome() {
    return outcome;
  }

  public String fileName() {
    return fileName;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public byte[] content() {
    return content;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public String dmsDocumentId() {
    return dmsDocumentId;
  }

  public void filedAs(String documentId) {
    this.dmsDocumentId = documentId;
  }
}
