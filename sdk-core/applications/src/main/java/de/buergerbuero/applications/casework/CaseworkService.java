package de.buergerbuero.applications.casework;

import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.CaseNoteEntity;
import de.buergerbuero.applications.staff.StaffService;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who works on a case and what staff say about it: assignment to a clerk and/or a team queue of the
 * department (teams per department in {@code buergerbuero.staff.teams.<department>}, comma
 * separated), forwarding to another department with a reason, notes only staff see. Every change is
 * audited; note texts are not copied into the audit trail.
 */
@ApplicationScoped
public class CaseworkService {
  public static final String TEAMS_KEY = "buergerbuero.staff.teams.";
  public static final String DECIDE_DAYS_KEY = "buergerbuero.staff.decide-days";
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._@-]{1,200}");

  @PersistenceContext EntityManager em;
  @Inject StaffService staff;
  @Inject ServiceCatalogue catalogue;
  @Inject AuditLog audit;
  @Inject Transactions tx;
  @Inject Clock clock;
  @Inject Config config;

  /**
   * Who should work on the case.
   *
   * @param assignee {@code me}, a colleague's account name, or null/blank for nobody in particular
   * @param team a team queue of the case's department, or null/blank for none
   */
  @Schema(
      name = "Assignment",
      description =
          "Who works on a case: assignee 'me', a colleague's account or none (null); team: a team"
              + " queue of the department or none.",
      example = "{\"assignee\": \"me\", \"team\": null}")
  public record Assignment(String assignee, String team) {}

  /** Forwarding to another department, with the reason for the receiving department. */
  @Schema(
      name = "Forwarding",
      description = "Forward a case to another department, with the reason.",
      example = "{\"department\": \"gewerbe\", \"reason\": \"Gaststätte: Zuständigkeit Gewerbe\"}")
  public record Forwarding(String department, String reason) {}

  /** A note staff wrote about a case; the applicant never sees it. */
  @Schema(name = "CaseNote", description = "A note only staff see.")
  public record CaseNote(String id, String author, String text, Instant at) {}

  /**
   * By when an application submitted now should be decided: {@value #DECIDE_DAYS_KEY}{@code
   * .<serviceId>} days, else {@value #DECIDE_DAYS_KEY} days; null when neither is set.
   */
  public Instant decideBy(String serviceId, Instant submitted) {
    return config
        .getOptionalValue(DECIDE_DAYS_KEY + "." + serviceId, Integer.class)
        .or(() -> config.getOptionalValue(DECIDE_DAYS_KEY, Integer.class))
        .filter(days -> days > 0)
        .map(days -> submitted.plus(java.time.Duration.ofDays(days)))
        .orElse(null);
  }

  /**
   * Sets or clears the follow-up date (Wiedervorlage) of a case: from the start of that day (in the
   * town's time zone) the case is due in its department's inbox.
   */
  public void followUp(Caller.StaffCaller clerk, String id, FollowUp followUp) {
    java.time.LocalDate day;
    try {
      day =
          followUp == null || followUp.date() == null || followUp.date().isBlank()
              ? null
              : java.time.LocalDate.parse(followUp.date().strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw InvalidInputException.field("date", "Datum im Format JJJJ-MM-TT.");
    }
    Instant at = day == null ? null : day.atStartOfDay(zone()).toInstant();
    tx.required(
        () -> {
          ApplicationEntity entity = locked(clerk, id);
          if (!Objects.equals(at, entity.followUp())) {
            entity.followUp(at);
            audit.append(
                clerk.auditId(),
                "FOLLOW_UP_SET",
                ApplicationService.AUDIT_OBJECT,
                id,
                day == null ? "-" : day.toString());
          }
        });
  }

  private java.time.ZoneId zone() {
    return java.time.ZoneId.of(
        config.getOptionalValue("buergerbuero.timezone", String.class).orElse("Europe/Berlin"));
  }

  /** A follow-up date (ISO, e.g. 2026-12-15), or null/blank to clear it. */
  @Schema(
      name = "FollowUp",
      description = "The follow-up date (Wiedervorlage), or null to clear it.",
      example = "{\"date\": \"2026-12-15\"}")
  public record FollowUp(String date) {}

  /** The teams of a department, as configured. */
  public List<String> teams(String department) {
    return config
        .getOptionalValue(TEAMS_KEY + department, String.class)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList())
        .orElse(List.of());
  }

  public void assign(Caller.StaffCaller clerk, String id, Assignment assignment) {
    if (assignment == null) {
      throw InvalidInputException.field("assignee", "Angabe fehlt.");
    }
    tx.required(
        () -> {
          ApplicationEntity entity = locked(clerk, id);
          String assignee = blankToNull(assignment.assignee());
          if ("me".equals(assignee)) {
            assignee = clerk.accountName();
          }
          if (assignee != null && !ACCOUNT.matcher(assignee).matches()) {
            throw InvalidInputException.field("assignee", "Kein gültiger Kontoname.");
          }
          String team = blankToNull(assignment.team());
          if (team != null && !teams(entity.department()).contains(team)) {
            throw InvalidInputException.field(
                "team", "Diesen Team-Eingang gibt es im Fachbereich nicht: " + team);
          }
          if (!Objects.equals(assignee, entity.assignee())
              || !Objects.equals(team, entity.team())) {
            String before = describe(entity.assignee(), entity.team());
            entity.assign(assignee, team);
            audit.append(
                clerk.auditId(),
                "CASE_ASSIGNED",
                ApplicationService.AUDIT_OBJECT,
                id,
                before + " -> " + describe(assignee, team));
          }
        });
  }

  public void forward(Caller.StaffCaller clerk, String id, Forwarding forwarding) {
    if (forwarding == null) {
      throw InvalidInputException.field("department", "Angabe fehlt.");
    }
    String reason = blankToNull(forwarding.reason());
    if (reason == null || reason.length() > 500) {
      throw InvalidInputException.field(
          "reason", "Bitte einen Grund angeben (höchstens 500 Zeichen).");
    }
    String to = blankToNull(forwarding.department());
    if (to == null || !catalogue.catalogue().departments().containsKey(to)) {
      throw InvalidInputException.field("department", "Diesen Fachbereich gibt es nicht.");
    }
    tx.required(
        () -> {
          ApplicationEntity entity = locked(clerk, id);
          String from = entity.department();
          if (from.equals(to)) {
            throw InvalidInputException.field(
                "department", "Der Antrag liegt schon in diesem Fachbereich.");
          }
          entity.forwardTo(to);
          // both sides: what left the old department and what arrived at the new one
          audit.append(
              clerk.auditId(), "CASE_FORWARDED_OUT", ApplicationService.AUDIT_OBJECT, id, from);
          audit.append(
              clerk.auditId(),
              "CASE_FORWARDED_IN",
              ApplicationService.AUDIT_OBJECT,
              id,
              to + ": " + reason);
        });
  }

  public List<CaseNote> notes(Caller.StaffCaller clerk, String id) {
    return tx.required(
        () -> {
          staff.requireVisible(clerk, id);
          return em.createQuery(
                  "SELECT n FROM CaseNoteEntity n WHERE n.applicationId = :id ORDER BY n.createdAt",
                  CaseNoteEntity.class)
              .setParameter("id", id)
              .getResultStream()
              .map(n -> new CaseNote(n.id(), n.author(), n.text(), n.createdAt()))
              .toList();
        });
  }

  public CaseNote addNote(Caller.StaffCaller clerk, String id, String text) {
    String note = blankToNull(text);
    if (note == null || note.length() > 4000) {
      throw InvalidInputException.field(
          "text", "Bitte einen Text angeben (höchstens 4000 Zeichen).");
    }
    return tx.required(
        () -> {
          staff.requireVisible(clerk, id);
          String author = clerk.displayName() == null ? clerk.accountName() : clerk.displayName();
          CaseNoteEntity n = new CaseNoteEntity(id, author, note, clock.instant());
          em.persist(n);
          audit.append(
              clerk.auditId(), "CASE_NOTE_ADDED", ApplicationService.AUDIT_OBJECT, id, n.id());
          return new CaseNote(n.id(), n.author(), n.text(), n.createdAt());
        });
  }

  private ApplicationEntity locked(Caller.StaffCaller clerk, String id) {
    ApplicationEntity entity = staff.requireVisible(clerk, id);
    em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
    // forwarded meanwhile: the locked row decides whether the clerk may still change it
    if (!clerk.admin() && !clerk.worksIn(entity.department())) {
      throw ApplicationService.notFound();
    }
    return entity;
  }

  private static String describe(String assignee, String team) {
    return (assignee == null ? "-" : assignee) + "/" + (team == null ? "-" : team);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
