package de.buergerbuero.applications.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * An attachment of an application, kept in the database (shared by every instance). The entity maps
 * only the metadata: the content is written and read as a stream by {@link AttachmentContents}, so
 * no attachment is ever a {@code byte[]} in the heap. Rows are inserted by {@link
 * AttachmentContents#insert}, never by {@code persist}.
 */
@Entity
@Table(name = "bb_attachment")
public class AttachmentEntity {
  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "application_id")
  private String applicationId;

  @Column(name = "position_no")
  private int position;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "size_bytes")
  private long size;

  @Column(name = "sha256")
  private String sha256;

  @Column(name = "answer_id")
  private String answerId;

  protected AttachmentEntity() {}

  /** A document sent with an answer to a query. */
  public AttachmentEntity(
      String applicationId,
      String answerId,
      int position,
      String fileName,
      String mediaType,
      long size,
      String sha256) {
    this(applicationId, position, fileName, mediaType, size, sha256);
    this.answerId = answerId;
  }

  public AttachmentEntity(
      String applicationId,
      int position,
      String fileName,
      String mediaType,
      long size,
      String sha256) {
    this.id = UUID.randomUUID().toString();
    this.applicationId = applicationId;
    this.position = position;
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.size = size;
    this.sha256 = sha256;
  }

  public String id() {
    return id;
  }

  public String applicationId() {
    return applicationId;
  }

  public int position() {
    return position;
  }

  public String fileName() {
    return fileName;
  }

  public String mediaType() {
    return mediaType;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  /** The answer this document came with; null when it came with the application. */
  public String answerId() {
    return answerId;
  }
}
