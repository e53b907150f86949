package de.buergerbuero.applications.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An applicant's answer to a query (Rückfrage): text, numbered per application. */
@Entity
@Table(name = "bb_answer")
public class AnswerEntity {
  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "application_id")
  private String applicationId;

  @Column(name = "seq_no")
  private int number;

  @Lob
  @Column(name = "answer_text")
  private String text;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "filed_at")
  private Instant filedAt;

  protected AnswerEntity() {}

  public AnswerEntity(String applicationId, int number, String text, Instant answeredAt) {
    this.id = UUID.randomUUID().toString();
    this.applicationId = applicationId;
    this.number = number;
    this.text = text;
    this.answeredAt = answeredAt;
  }

  public String id() {
    return id;
  }

  public String applicationId() {
    return applicationId;
  }

  public int number() {
    return number;
  }

  public String text() {
    return text;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public Instant filedAt() {
    return filedAt;
  }

  public void filedAt(Instant at) {
    this.filedAt = at;
  }
}
