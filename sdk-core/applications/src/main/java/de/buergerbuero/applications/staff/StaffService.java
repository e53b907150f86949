package de.buergerbuero.applications.staff;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.applications.casework.CaseworkService;
import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.applications.intake.ApplicationViews.AuditTrailEntry;
import de.buergerbuero.applications.intake.ApplicationViews.DepartmentRef;
import de.buergerbuero.applications.intake.ApplicationViews.InboxItem;
import de.buergerbuero.applications.intake.ApplicationViews.StaffApplicationView;
import de.buergerbuero.applications.intake.PageCursor;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.AttachmentEntity;
import de.buergerbuero.applications.notice.ApplicantNotices;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.audit.AuditSealer;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.model.Actor;
import de.buergerbuero.kernel.model.Application;
import de.buergerbuero.kernel.model.ApplicationStatus;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The clerk's side: an inbox per department, reading an application (audited), changing its status
 * (audited, visible to the applicant). Clerks see only their departments' applications; anything
 * else is "not found". Administrators see all.
 */
@ApplicationScoped
public class StaffService {
  @PersistenceContext EntityManager em;
  @Inject CaseworkService casework;
  @Inject ApplicationService applications;
  @Inject ServiceCatalogue catalogue;
  @Inject AuditLog audit;
  @Inject AuditSealer sealer;
  @Inject Clock clock;
  @Inject Transactions tx;
  @Inject ApplicantNotices notices;

  @Inject
  @ConfigProperty(name = "buergerbuero.query.answer-days", defaultValue = "14")
  int answerDays;

  @Inject
  @ConfigProperty(name = "buergerbuero.timezone", defaultValue = "Europe/Berlin")
  String timezone;

  /** Filters of the inbox; null means "any". */
  public record InboxFilter(
      ApplicationStatus status, String serviceId, Integer olderThanDays, int limit) {}

  public List<InboxItem> inbox(Caller.StaffCaller staff, InboxFilter filter) {
    return tx.required(() -> inboxInTx(staff, filter));
  }

  private List<InboxItem> inboxInTx(Caller.StaffCaller staff, InboxFilter filter) {
    if (!staff.admin() && staff.departments().isEmpty()) {
      return List.of();
    }
    Conditions where = visible(staff, filter.serviceId(), filter.olderThanDays());
    where.and(filter.status() != null, " AND a.status = :status", "status", filter.status());
    TypedQuery<ApplicationEntity> q =
        em.createQuery(
            "SELECT a FROM ApplicationEntity a" + where.jpql + " ORDER BY a.submittedAt",
            ApplicationEntity.class);
    where.bind(q);
    return q.setMaxResults(filter.limit()).getResultStream().map(this::inboxItem).toList();
  }

  /**
   * A JPQL WHERE clause on the alias {@code a} and its parameters, built condition by condition.
   */
  private static final class Conditions {
    private final StringBuilder jpql = new StringBuilder(" WHERE 1 = 1");
    private final Map<String, Object> params = new LinkedHashMap<>();

    void and(boolean when, String condition, String name, Object value) {
      if (when) {
        jpql.append(condition);
        params.put(name, value);
      }
    }

    void and(String condition, Map<String, Object> parameters) {
      jpql.append(condition);
      params.putAll(parameters);
    }

    void bind(jakarta.persistence.Query q) {
      params.forEach(q::setParameter);
    }
  }

  /** The cases a clerk may see (their departments; all for admins), by service and age. */
  private Conditions visible(Caller.StaffCaller staff, String serviceId, Integer olderThanDays) {
    Conditions where = new Conditions();
    where.and(
        !staff.admin(), " AND a.department IN :departments", "departments", staff.departments());
    where.and(serviceId != null, " AND a.serviceId = :serviceId", "serviceId", serviceId);
    where.and(
        olderThanDays != null,
        " AND a.submittedAt <= :before",
        "before",
        olderThanDays == null ? null : clock.instant().minus(Duration.ofDays(olderThanDays)));
    return where;
  }

  /**
   * A search over the inbox, one page at a time (keyset paging: each page continues after the last
   * case of the one before, so no case is shown twice or skipped while new ones arrive).
   *
   * @param search an Aktenzeichen (prefix) or part of the applicant's name (case-insensitive); null
   *     for all
   * @param newestFirst newest submissions first instead of oldest
   * @param cursor {@link CasePage#next()} of the page before; null for the first page
   */
  public record CaseQuery(
      ApplicationStatus status,
      String serviceId,
      Integer olderThanDays,
      String search,
      boolean newestFirst,
      String cursor,
      int limit,
      String assignee,
      String team,
      String due) {
    /** The query without assignment filters. */
    public CaseQuery(
        ApplicationStatus status,
        String serviceId,
        Integer olderThanDays,
        String search,
        boolean newestFirst,
        String cursor,
        int limit) {
      this(status, serviceId, olderThanDays, search, newestFirst, cursor, limit, null, null, null);
    }
  }

  /**
   * One page of cases, the cursor of the next page (absent on the last), and how many cases the
   * filter finds per status (without the status filter, so the counts work as tabs).
   */
  @Schema(
      name = "CasePage",
      description =
          "One page of the inbox: the cases, the cursor of the next page (absent on the last) and"
              + " the number of cases per status for the other filters.")
  public record CasePage(
      List<InboxItem> items,
      String next,
      Map<String, Long> countsByStatus,
      @Schema(description = "cases per assignee for the other filters; none: unassigned")
          Map<String, Long> countsByAssignee) {}

  public CasePage cases(Caller.StaffCaller staff, CaseQuery query) {
    return tx.required(() -> casesInTx(staff, query));
  }

  private CasePage casesInTx(Caller.StaffCaller staff, CaseQuery query) {
    if (!staff.admin() && staff.departments().isEmpty()) {
      return new CasePage(List.of(), null, Map.of(), Map.of());
    }
    Conditions where = visible(staff, query.serviceId(), query.olderThanDays());
    String search = query.search() == null ? "" : query.search().strip();
    if (search.length() > 100) {
      throw InvalidInputException.field("q", "Der Suchbegriff ist länger als 100 Zeichen.");
    }
    if (!search.isEmpty()) {
      if (REFERENCE_LIKE.matcher(search).matches()) {
        // the reference is unique and indexed: a prefix search uses the index
        where.and(
            true,
            " AND a.reference LIKE :reference ESCAPE '\\'",
            "reference",
            likeEscaped(search.toUpperCase(Locale.ROOT)) + "%");
      } else {
        where.and(
            true,
            " AND LOWER(a.applicantName) LIKE :name ESCAPE '\\'",
            "name",
            "%" + likeEscaped(search.toLowerCase(Locale.ROOT)) + "%");
      }
    }
    String due = query.due() == null || query.due().isBlank() ? null : query.due().strip();
    if (due != null && !due.equals("due") && !due.equals("overdue")) {
      throw InvalidInputException.field("due", "Erlaubt sind due und overdue.");
    }
    if (due != null) {
      List<ApplicationStatus> open =
          java.util.Arrays.stream(ApplicationStatus.values()).filter(st -> !st.isFinal()).toList();
      where.and(
          " AND a.status IN :open AND (a.decideBy < :now"
              + (due.equals("due") ? " OR a.followUp <= :now)" : ")"),
          Map.of("open", open, "now", clock.instant()));
    }
    String team = query.team() == null || query.team().isBlank() ? null : query.team().strip();
    where.and(team != null, " AND a.team = :team", "team", team);
    Map<String, Long> byAssignee = new TreeMap<>();
    var assigneeQuery =
        em.createQuery(
            "SELECT a.assignee, COUNT(a) FROM ApplicationEntity a"
                + where.jpql
                + " GROUP BY a.assignee",
            Object[].class);
    where.bind(assigneeQuery);
    for (Object[] row : assigneeQuery.getResultList()) {
      byAssignee.put(row[0] == null ? "none" : (String) row[0], ((Number) row[1]).longValue());
    }
    String assignee =
        query.assignee() == null || query.assignee().isBlank() ? null : query.assignee().strip();
    if ("none".equals(assignee)) {
      where.and(" AND a.assignee IS NULL", Map.of());
    } else if (assignee != null) {
      where.and(
          " AND a.assignee = :assignee",
          Map.of("assignee", "me".equals(assignee) ? staff.accountName() : assignee));
    }
    Map<String, Long> counts = new TreeMap<>();
    var countQuery =
        em.createQuery(
            "SELECT a.status, COUNT(a) FROM ApplicationEntity a"
                + where.jpql
                + " GROUP BY a.status",
            Object[].class);
    where.bind(countQuery);
    for (Object[] row : countQuery.getResultList()) {
      counts.put(((ApplicationStatus) row[0]).name(), ((Number) row[1]).longValue());
    }
    where.and(query.status() != null, " AND a.status = :status", "status", query.status());
    if (query.cursor() != null) {
      PageCursor after = PageCursor.parse(query.cursor());
      where.and(after.condition(query.newestFirst()), after.parameters());
    }
    String direction = query.newestFirst() ? "DESC" : "ASC";
    TypedQuery<ApplicationEntity> page =
        em.createQuery(
            "SELECT a FROM ApplicationEntity a"
                + where.jpql
                + " ORDER BY a.submittedAt "
                + direction
                + ", a.id "
                + direction,
            ApplicationEntity.class);
    where.bind(page);
    int limit = Math.max(1, Math.min(query.limit(), 200));
    PageCursor.Slice slice = PageCursor.slice(page.setMaxResults(limit + 1).getResultList(), limit);
    return new CasePage(
        slice.rows().stream().map(this::inboxItem).toList(), slice.next(), counts, byAssignee);
  }

  /** Something that looks like (the start of) an Aktenzeichen, e.g. MS-2026-0001. */
  private static final Pattern REFERENCE_LIKE = Pattern.compile("[A-Za-z]{1,8}-\\d[\\d-]*");

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public StaffApplicationView read(Caller.StaffCaller staff, String id) {
    return tx.required(() -> readInTx(staff, id));
  }

  private StaffApplicationView readInTx(Caller.StaffCaller staff, String id) {
    ApplicationEntity entity = requireVisible(staff, id);
    audit.append(staff.auditId(), "APPLICATION_READ", ApplicationService.AUDIT_OBJECT, id, null);
    return staffView(entity);
  }

  public StaffApplicationView transition(
      Caller.StaffCaller staff, String id, ApplicationStatus to, String note) {
    return transition(staff, id, to, note, null);
  }

  /**
   * A status change; a query (NEEDS_INFO) needs its question as the note and gets a date by which
   * to answer ({@code answerBy}, else {@code buergerbuero.query.answer-days} from today).
   */
  public StaffApplicationView transition(
      Caller.StaffCaller staff, String id, ApplicationStatus to, String note, LocalDate answerBy) {
    return tx.required(() -> transitionInTx(staff, id, to, note, answerBy));
  }

  private StaffApplicationView transitionInTx(
      Caller.StaffCaller staff, String id, ApplicationStatus to, String note, LocalDate answerBy) {
    if (to == null) {
      throw InvalidInputException.field("to", "Der Zielstatus fehlt.");
    }
    if (note != null && note.length() > 2000) {
      throw InvalidInputException.field("note", "Die Notiz ist länger als 2000 Zeichen.");
    }
    ApplicationEntity entity = requireVisible(staff, id);
    Application changed = entity.toApplication().transitionTo(to, Actor.STAFF, clock.instant());
    if (to == ApplicationStatus.NEEDS_INFO) {
      if (note == null || note.isBlank()) {
        throw InvalidInputException.field("note", "Die Rückfrage an die Antragstellenden fehlt.");
      }
      entity.answerDue(answerDue(answerBy));
      notices.later(ApplicantNotices.Kind.QUERY, id);
    } else if (answerBy != null) {
      throw InvalidInputException.field("answerBy", "Eine Frist gibt es nur zu einer Rückfrage.");
    } else {
      entity.answerDue(null);
    }
    applications.recordTransition(entity, changed, Actor.STAFF, note, staff.auditId());
    return staffView(entity);
  }

  /** The end of the day to answer by, in the town's time zone; tomorrow at the earliest. */
  private java.time.Instant answerDue(LocalDate answerBy) {
    ZoneId zone = ZoneId.of(timezone);
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    LocalDate day = answerBy == null ? today.plusDays(answerDays) : answerBy;
    if (!day.isAfter(today) || day.isAfter(today.plusYears(1))) {
      throw InvalidInputException.field(
          "answerBy", "Die Frist muss nach heute und höchstens ein Jahr entfernt liegen.");
    }
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public List<AuditTrailEntry> auditTrail(Caller.StaffCaller staff, String id) {
    sealer.sealAll();
    return tx.required(() -> auditTrailInTx(staff, id));
  }

  private List<AuditTrailEntry> auditTrailInTx(Caller.StaffCaller staff, String id) {
    requireVisible(staff, id);
    return audit.entriesFor(ApplicationService.AUDIT_OBJECT, id).stream()
        .map(r -> new AuditTrailEntry(r.seq(), r.occurredAt(), r.actor(), r.action(), r.detail()))
        .toList();
  }

  /** An attachment's bytes for a clerk; audited as a read of personal data. */
  public AttachmentEntity attachment(Caller.StaffCaller staff, String id, String attachmentId) {
    return tx.required(() -> attachmentInTx(staff, id, attachmentId));
  }

  private AttachmentEntity attachmentInTx(
      Caller.StaffCaller staff, String id, String attachmentId) {
    requireVisible(staff, id);
    AttachmentEntity a = em.find(AttachmentEntity.class, attachmentId);
    if (a == null || !a.applicationId().equals(id)) {
      throw new NoSuchResourceException(
          ApplicationsError.ATTACHMENT_NOT_FOUND, "Diesen Anhang gibt es nicht.");
    }
    audit.append(
        staff.auditId(), "ATTACHMENT_READ", ApplicationService.AUDIT_OBJECT, id, attachmentId);
    return a;
  }

  /** The application if the clerk may see it (admin, or its department); else BB-2005. */
  public ApplicationEntity requireVisible(Caller.StaffCaller staff, String id) {
    ApplicationEntity entity = applications.find(id);
    if (entity == null || !(staff.admin() || staff.worksIn(entity.department()))) {
      throw ApplicationService.notFound();
    }
    return entity;
  }

  private InboxItem inboxItem(ApplicationEntity e) {
    Application a = e.toApplication();
    return new InboxItem(
        a.id().toString(),
        a.reference(),
        a.serviceId(),
        catalogue.catalogue().find(a.serviceId()).map(s -> s.name().de()).orElse(a.serviceId()),
        a.department(),
        a.status().name(),
        a.applicant().displayName(),
        a.applicant().kind().name(),
        a.submittedAt(),
        a.updatedAt(),
        e.assignee(),
        e.team(),
        e.decideBy(),
        e.followUp());
  }

  private StaffApplicationView staffView(ApplicationEntity e) {
    Application a = e.toApplication();
    return new StaffApplicationView(
        applications.view(e),
        a.department(),
        a.applicant().displayName(),
        a.applicant().kind().name(),
        e.trustLevel().eidasLevel(),
        a.applicant().postboxHandle() != null,
        Json.createReader(new StringReader(e.formData())).readValue(),
        e.dmsCaseId(),
        a.status().staffTransitions().stream().map(Enum::name).sorted().toList(),
        e.assignee(),
        e.team(),
        casework.teams(a.department()),
        catalogue.catalogue().departments().entrySet().stream()
            .filter(d -> !d.getKey().equals(a.department()))
            .map(d -> new DepartmentRef(d.getKey(), d.getValue().name().de()))
            .sorted(java.util.Comparator.comparing(DepartmentRef::name))
            .toList(),
        e.decideBy(),
        e.followUp());
  }
}
