package de.buergerbuero.applications.intake;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of applications as citizens and clerks see them. */
public final class ApplicationViews {
  private ApplicationViews() {}

  /**
   * An application as its applicant sees it.
   *
   * @param id technical id (used in URLs)
   * @param reference human-readable reference (Aktenzeichen)
   * @param serviceId the service applied for
   * @param serviceName the service's German name
   * @param status current status
   * @param submittedAt when it was submitted
   * @param updatedAt last status change
   * @param history every status change, oldest first
   * @param attachments the attached files
   * @param decision the Bescheid, absent until it is issued
   * @param answerDue by when the open query (NEEDS_INFO) should be answered
   * @param answers the applicant's answers to queries, oldest first
   * @param postboxAvailable whether the applicant logged in with a BundID postbox
   * @param postboxConsent whether the applicant agreed to receive the Bescheid there
   */
  @Schema(
      description =
          "An application (Antrag) as its applicant sees it: reference number (Aktenzeichen), service, status with history, attachments.")
  public record ApplicationView(
      String id,
      String reference,
      String serviceId,
      String serviceName,
      String status,
      Instant submittedAt,
      Instant updatedAt,
      List<StatusChangeView> history,
      List<AttachmentView> attachments,
      DecisionView decision,
      Instant answerDue,
      List<AnswerView> answers,
      boolean postboxAvailable,
      boolean postboxConsent) {}

  /**
   * An applicant's answer to a query; its documents are among the application's attachments.
   *
   * @param filed whether the DMS has it
   */
  @Schema(description = "An applicant's answer to a query (Rückfrage): its text and when it came.")
  public record AnswerView(int number, String text, Instant answeredAt, boolean filed) {}

  /**
   * The decision notice (Bescheid) of an application, once issued.
   *
   * @param filed whether the DMS has it
   * @param deliveries how it was sent to the applicant, one entry per channel tried
   */
  @Schema(
      description =
          "The decision notice (Bescheid) of an application: outcome, PDF/A file, when it was issued, whether the DMS has it, how it was delivered.")
  public record DecisionView(
      String id,
      String outcome,
      String fileName,
      long size,
      String sha256,
      Instant issuedAt,
      boolean filed,
      List<DeliveryView> deliveries) {}

  /**
   * One delivery of the Bescheid through one channel.
   *
   * @param channel {@code zbp} (BundID postbox), {@code hybridmail} (letter), {@code none} (no
   *     channel could take it: printed and posted by hand)
   * @param state ACCEPTED, DELIVERED, FAILED, REJECTED (this channel could not take it, the next
   *     was tried) or POSTED_BY_HAND
   * @param reason why it failed or was rejected
   */
  @Schema(
      description =
          "One delivery of the Bescheid: channel (zbp, hybridmail, none), state (ACCEPTED, DELIVERED, FAILED, REJECTED, POSTED_BY_HAND), reason.")
  public record DeliveryView(String channel, String state, String reason, Instant at) {}

  /** A status change; {@code note} is the clerk's message to the applicant. */
  @Schema(description = "One status change of an application, with the note to the applicant.")
  public record StatusChangeView(String from, String to, String by, String note, Instant at) {}

  /** An attachment's metadata. */
  @Schema(
      description =
          "An attachment (Anlage) of an application: file name, media type, size, SHA-256.")
  public record AttachmentView(
      String id, String fileName, String mediaType, long size, String sha256) {}

  /** A line of a clerk's inbox. */
  @Schema(description = "An application in a clerk's inbox (Posteingang).")
  public record InboxItem(
      String id,
      String reference,
      String serviceId,
      String serviceName,
      String department,
      String status,
      String applicantName,
      String applicantKind,
      Instant submittedAt,
      Instant updatedAt,
      @Schema(description = "the clerk's account working on it; absent: nobody in particular")
          String assignee,
      @Schema(description = "the team queue it waits in; absent: none") String team,
      @Schema(description = "by when it should be decided; absent: no deadline") Instant decideBy,
      @Schema(description = "the follow-up date (Wiedervorlage); absent: none") Instant followUp) {}

  /** An application as a clerk sees it: with the applicant, form data and filing state. */
  @Schema(
      description =
          "An application as a clerk sees it: with form data, applicant, trust level, DMS case and the status changes allowed now.")
  public record StaffApplicationView(
      ApplicationView application,
      String department,
      String applicantName,
      String applicantKind,
      String trustLevel,
      boolean hasPostbox,
      jakarta.json.JsonValue formData,
      String dmsCaseId,
      List<String> allowedTransitions,
      @Schema(description = "the clerk's account working on it; absent: nobody in particular")
          String assignee,
      @Schema(description = "the team queue it waits in; absent: none") String team,
      @Schema(description = "the team queues of its department") List<String> teams,
      @Schema(description = "the departments it can be forwarded to")
          List<DepartmentRef> forwardTargets,
      @Schema(description = "by when it should be decided; absent: no deadline") Instant decideBy,
      @Schema(description = "the follow-up date (Wiedervorlage); absent: none") Instant followUp) {}

  /** A department by id and German name. */
  @Schema(description = "A department: id and name.")
  public record DepartmentRef(String id, String name) {}

  /** An entry of the audit trail of one application. */
  @Schema(
      description =
          "One entry of the audit trail (Prüfprotokoll) of an application: who did what when.")
  public record AuditTrailEntry(long seq, Instant at, String actor, String action, String detail) {}
}
