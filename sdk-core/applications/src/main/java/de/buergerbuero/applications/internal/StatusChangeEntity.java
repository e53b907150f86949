package de.buergerbuero.applications.internal;

import de.buergerbuero.kernel.model.Actor;
import de.buergerbuero.kernel.model.ApplicationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One status change of an application; the applicant sees the whole history. */
@Entity
@Table(name = "bb_application_status")
public class StatusChangeEntity {
  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "application_id")
  private String applicationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  private ApplicationStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status")
  private ApplicationStatus toStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor")
  private Actor actor;

  @Column(name = "note")
  private String note;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected StatusChangeEntity() {}

  public StatusChangeEntity(
      String applicationId,
      ApplicationStatus from,
      ApplicationStatus to,
      Actor actor,
      String note,
      Instant at) {
    this.id = UUID.randomUUID().toString();
    this.applicationId = applicationId;
    this.fromStatus = from;
    this.toStatus = to;
    this.actor = actor;
    this.note = note;
    this.changedAt = at;
  }

  public ApplicationStatus fromStatus() {
    return fromStatus;
  }

  public ApplicationStatus toStatus() {
    return toStatus;
  }

  public Actor actor() {
    return actor;
  }

  public String note() {
    return note;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
