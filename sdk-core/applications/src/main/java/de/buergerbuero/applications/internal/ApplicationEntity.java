package de.buergerbuero.applications.internal;

import de.buergerbuero.kernel.model.Applicant;
import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.Application;
import de.buergerbuero.kernel.model.ApplicationStatus;
import de.buergerbuero.kernel.model.TrustLevel;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Persistent form of an {@link Application}. */
@Entity
@Table(name = "bb_application")
public class ApplicationEntity {
  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "reference")
  private String reference;

  @Column(name = "service_id")
  private String serviceId;

  @Column(name = "department")
  private String department;

  @Column(name = "applicant_subject")
  private String applicantSubject;

  @Enumerated(EnumType.STRING)
  @Column(name = "applicant_kind")
  private ApplicantKind applicantKind;

  @Column(name = "applicant_name")
  private String applicantName;

  @Column(name = "applicant_postbox")
  private String applicantPostbox;

  @Enumerated(EnumType.STRING)
  @Column(name = "trust_level")
  private TrustLevel trustLevel;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private ApplicationStatus status;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "form_data")
  private String formData;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "dms_case_id")
  private String dmsCaseId;

  @Column(name = "answer_due")
  private Instant answerDue;

  @Column(name = "decide_by")
  private Instant decideBy;

  @Column(name = "follow_up")
  private Instant followUp;

  @Column(name = "assignee")
  private String assignee;

  @Column(name = "team")
  private String team;

  @Column(name = "postbox_consent_at")
  private Instant postboxConsentAt;

  @Version
  @Column(name = "version")
  private long version;

  protected ApplicationEntity() {}

  public ApplicationEntity(Application a, TrustLevel trustLevel, String formData) {
    this.id = a.id().toString();
    this.reference = a.reference();
    this.serviceId = a.serviceId();
    this.department = a.department();
    this.applicantSubject = a.applicant().subjectId();
    this.applicantKind = a.applicant().kind();
    this.applicantName = a.applicant().displayName();
    this.applicantPostbox = a.applicant().postboxHandle();
    this.trustLevel = trustLevel;
    this.status = a.status();
    this.formData = formData;
    this.submittedAt = a.submittedAt();
    this.updatedAt = a.updatedAt();
  }

  public Application toApplication() {
    return new Application(
        UUID.fromString(id),
        reference,
        serviceId,
        department,
        new Applicant(applicantSubject, applicantKind, applicantName, applicantPostbox),
        status,
        submittedAt,
        updatedAt);
  }

  /** Takes over status and timestamp of a transitioned {@link Application}. */
  public void apply(Application changed) {
    this.status = changed.status();
    this.updatedAt = changed.updatedAt();
  }

  public String id() {
    return id;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public String applicantSubject() {
    return applicantSubject;
  }

  public String department() {
    return department;
  }

  public TrustLevel trustLevel() {
    return trustLevel;
  }

  public String formData() {
    return formData;
  }

  public String dmsCaseId() {
    return dmsCaseId;
  }

  public void filedAs(String dmsCaseId) {
    this.dmsCaseId = dmsCaseId;
  }

  /** By when the open query should be answered; null when no query is open. */
  public Instant answerDue() {
    return answerDue;
  }

  public void answerDue(Instant due) {
    this.answerDue = due;
  }

  /** The BundID postbox handle the applicant logged in with, if any. */
  public String postboxHandle() {
    return applicantPostbox;
  }

  /** When the applicant agreed to receive the Bescheid in the BundID postbox; null: not. */
  public Instant postboxConsentAt() {
    return postboxConsentAt;
  }

  public void postboxConsent(Instant at) {
    this.postboxConsentAt = at;
  }

  public String applicantName() {
    return applicantName;
  }

  /** The clerk's account working on it; null: nobody in particular. */
  public String assignee() {
    return assignee;
  }

  /** The team queue of the department it waits in; null: none. */
  public String team() {
    return team;
  }

  public void assign(String assignee, String team) {
    this.assignee = assignee;
    this.team = team;
  }

  /** Forwarded to another department: it leaves the old inbox, unassigned. */
  public void forwardTo(String department) {
    this.department = department;
    this.assignee = null;
    this.team = null;
  }

  /** By when it should be decided (the service's processing time); null: no deadline. */
  public Instant decideBy() {
    return decideBy;
  }

  public void decideBy(Instant deadline) {
    this.decideBy = deadline;
  }

  /** The clerk's follow-up date (Wiedervorlage), start of that day; null: none. */
  public Instant followUp() {
    return followUp;
  }

  public void followUp(Instant at) {
    this.followUp = at;
  }
}
