package de.buergerbuero.applications.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A note only staff see, never the applicant. */
@Entity
@Table(name = "bb_case_note")
public class CaseNoteEntity {
  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "application_id")
  private String applicationId;

  @Column(name = "author")
  private String author;

  @Lob
  @Column(name = "note_text")
  private String text;

  @Column(name = "created_at")
  private Instant createdAt;

  protected CaseNoteEntity() {}

  public CaseNoteEntity(String applicationId, String author, String text, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.applicationId = applicationId;
    this.author = author;
    this.text = text;
    this.createdAt = createdAt;
  }

  public String id() {
    return id;
  }

  public String author() {
    return author;
  }

  public String text() {
    return text;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
