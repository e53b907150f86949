package de.buergerbuero.applications.decision;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.applications.catalogue.Department;
import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.delivery.BescheidDelivery;
import de.buergerbuero.applications.delivery.Recipients;
import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.applications.intake.ApplicationViews.DecisionView;
import de.buergerbuero.applications.intake.SafeJson;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.DecisionEntity;
import de.buergerbuero.applications.notice.ApplicantNotices;
import de.buergerbuero.applications.staff.StaffService;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.crypto.Hashes;
import de.buergerbuero.kernel.error.ConflictException;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.model.Actor;
import de.buergerbuero.kernel.model.Application;
import de.buergerbuero.kernel.model.ApplicationStatus;
import de.buergerbuero.kernel.model.Fee;
import de.buergerbuero.kernel.model.ServiceOffering;
import de.buergerbuero.kernel.outbox.Outbox;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes and issues the Bescheid: the clerk previews it, issues it with the decision (the status
 * change, the PDF/A and its filing in the DMS commit together), the applicant downloads it. The
 * filing goes through the outbox ({@link DecisionFilingHandler}).
 */
@ApplicationScoped
public class DecisionService {
  static final String AUDIT_OBJECT = ApplicationService.AUDIT_OBJECT;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @PersistenceContext EntityManager em;
  @Inject ApplicationService applications;
  @Inject StaffService staff;
  @Inject ServiceCatalogue catalogue;
  @Inject AuditLog audit;
  @Inject Outbox outbox;
  @Inject ApplicantNotices notices;
  @Inject BescheidDelivery delivery;
  @Inject Recipients recipients;
  @Inject Transactions tx;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "buergerbuero.municipality.name", defaultValue = "Musterstadt")
  String municipality;

  @Inject
  @ConfigProperty(name = "buergerbuero.timezone", defaultValue = "Europe/Berlin")
  String timezone;

  /** The town's Bescheid templates (JSON resource); unset: the SDK's built-in ones. */
  @Inject
  @ConfigProperty(name = "buergerbuero.decision.templates")
  Optional<String> templatesResource;

  /** Address lines under the town and department name, separated by '|'. */
  @Inject
  @ConfigProperty(name = "buergerbuero.decision.letterhead")
  Optional<String> letterhead;

  /** Closing lines, separated by '|'; unset: the department and the note on automated notices. */
  @Inject
  @ConfigProperty(name = "buergerbuero.decision.signature")
  Optional<String> signature;

  /** The court named in the built-in Rechtsbehelfsbelehrung ({@code {{court}}}). */
  @Inject
  @ConfigProperty(
      name = "buergerbuero.decision.court",
      defaultValue = "dem zuständigen Verwaltungsgericht")
  String court;

  private final DecisionRenderer renderer = new DecisionRenderer();
  private DecisionTemplates templates;

  @PostConstruct
  void load() {
    templates =
        DecisionTemplates.load(
            Thread.currentThread().getContextClassLoader(),
            templatesResource.orElse(null),
            catalogue.catalogue().services().stream()
                .map(ServiceOffering::id)
                .collect(Collectors.toSet()));
  }

  /** Loads the templates at start-up, so that a broken one stops the deployment. */
  void onStartup(@Observes Startup startup) {
    templates.forService("");
  }

  /** The request of a clerk: approve or reject, with the clerk's own paragraph if any. */
  public record Decision(ApplicationStatus outcome, String freeText) {}

  /** The Bescheid as it would be issued now; nothing is stored. */
  public byte[] preview(Caller.StaffCaller clerk, String id, Decision decision) {
    return tx.required(
        () -> {
          ApplicationEntity entity = staff.requireVisible(clerk, id);
          validate(entity, decision);
          audit.append(
              clerk.auditId(), "DECISION_PREVIEWED", AUDIT_OBJECT, id, decision.outcome().name());
          return renderer.render(document(entity, decision, clock.instant()));
        });
  }

  /**
   * Issues the Bescheid: the status change to the outcome, the PDF/A, its filing in the DMS and the
   * audit entry commit together, or nothing happens.
   */
  public DecisionView issue(Caller.StaffCaller clerk, String id, Decision decision) {
    return tx.required(
        () -> {
          ApplicationEntity entity = staff.requireVisible(clerk, id);
          // two clerks (or a double click) at the same moment: the second waits here and then
          // sees the first one's Bescheid, instead of failing at commit
          em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
          validate(entity, decision);
          if (find(id).isPresent()) {
            throw new ConflictException(
                ApplicationsError.DECISION_ALREADY_ISSUED,
                "Für diesen Antrag wurde bereits ein Bescheid erlassen.");
          }
          Instant now = clock.instant();
          Application changed =
              entity.toApplication().transitionTo(decision.outcome(), Actor.STAFF, now);
          byte[] pdf = renderer.render(document(entity, decision, now));
          String reference = entity.toApplication().reference();
          DecisionEntity d =
              new DecisionEntity(
                  id,
                  decision.outcome(),
                  blankToNull(decision.freeText()),
                  "Bescheid-" + reference + ".pdf",
                  pdf,
                  Hashes.sha256Hex(pdf),
                  now,
                  clerk.auditId());
          em.persist(d);
          applications.recordTransition(
              entity,
              changed,
              Actor.STAFF,
              "Ihr Bescheid liegt vor. / Your decision notice is available.",
              clerk.auditId());
          outbox.enqueue(DecisionFilingHandler.TYPE, "dms-file-decision:" + d.id(), d.id());
          notices.later(ApplicantNotices.Kind.DECISION, id);
          delivery.later(id);
          audit.append(
              clerk.auditId(),
              "DECISION_ISSUED",
              AUDIT_OBJECT,
              id,
              decision.outcome() + " sha256=" + d.sha256());
          return applications.decisionOf(id);
        });
  }

  /** The applicant's own Bescheid. */
  public DecisionEntity forApplicant(Caller.ApplicantCaller caller, String id) {
    return tx.required(
        () -> {
          applications.requireOwn(caller, id);
          return find(id).orElseThrow(DecisionService::notFound);
        });
  }

  /** The Bescheid for a clerk who may see the application; audited as a read. */
  public DecisionEntity forStaff(Caller.StaffCaller clerk, String id) {
    return tx.required(
        () -> {
          staff.requireVisible(clerk, id);
          DecisionEntity d = find(id).orElseThrow(DecisionService::notFound);
          audit.append(clerk.auditId(), "DECISION_READ", AUDIT_OBJECT, id, d.id());
          return d;
        });
  }

  private Optional<DecisionEntity> find(String applicationId) {
    return em.createQuery(
            "SELECT d FROM DecisionEntity d WHERE d.applicationId = :id", DecisionEntity.class)
        .setParameter("id", applicationId)
        .getResultStream()
        .findFirst();
  }

  private void validate(ApplicationEntity entity, Decision decision) {
    if (decision == null || decision.outcome() == null || !decision.outcome().isDecision()) {
      throw InvalidInputException.field("outcome", "Entscheidung: APPROVED oder REJECTED.");
    }
    int max = templates.forService(entity.toApplication().serviceId()).freeTextMaxLength();
    String free = decision.freeText();
    if (free != null && !free.isBlank()) {
      if (max == 0) {
        throw InvalidInputException.field(
            "freeText", "Die Vorlage dieses Dienstes erlaubt keinen eigenen Text.");
      }
      if (free.length() > max) {
        throw InvalidInputException.field(
            "freeText", "Der eigene Text ist länger als " + max + " Zeichen.");
      }
    }
  }

  /** Fills the service's template for this application. */
  DecisionDocument document(ApplicationEntity entity, Decision decision, Instant at) {
    Application a = entity.toApplication();
    ServiceOffering service = catalogue.require(a.serviceId());
    DecisionTemplate t = templates.forService(a.serviceId());
    JsonNode form = SafeJson.read(entity.formData());
    ZoneId zone = ZoneId.of(timezone);
    String decidedAt = DATE.format(at.atZone(zone));
    String fee = feeText(service.fee());
    Function<Boolean, Function<String, String>> values =
        english ->
            name ->
                switch (name) {
                  case "reference" -> a.reference();
                  case "service" ->
                      english && service.name().en() != null
                          ? service.name().en()
                          : service.name().de();
                  case "applicant" -> a.applicant().displayName();
                  case "submittedAt" -> DATE.format(a.submittedAt().atZone(zone));
                  case "decidedAt" -> decidedAt;
                  case "fee" -> fee == null ? "" : fee;
                  case "municipality" -> municipality;
                  case "court" -> court;
                  default -> formValue(form, name);
                };
    boolean approved = decision.outcome() == ApplicationStatus.APPROVED;
    String free = blankToNull(decision.freeText());
    DecisionTemplate.Paragraphs body = approved ? t.approved() : t.rejected();
    List<String> de = fill(body.de(), values.apply(false));
    if (free != null) {
      de.add(free);
    }
    DecisionDocument.Translation translation = null;
    if (t.hasEnglish()) {
      List<String> en = fill(body.en(), values.apply(true));
      if (free != null) {
        en.add("(Text of the case worker, in German:) " + free);
      }
      translation =
          new DecisionDocument.Translation(
              DecisionTemplate.fill(t.subject().en(), values.apply(true)),
              en,
              fill(t.remedy().en(), values.apply(true)));
    }
    String departmentName =
        Optional.ofNullable(catalogue.catalogue().departments().get(a.department()))
            .map(Department::name)
            .map(n -> n.de())
            .orElse(a.department());
    List<String> head = new ArrayList<>(List.of(municipality, departmentName));
    letterhead.ifPresent(l -> head.addAll(lines(l)));
    List<String> closing =
        signature
            .map(DecisionService::lines)
            .orElse(
                List.of(
                    departmentName,
                    "Dieser Bescheid wurde elektronisch erstellt und ist ohne Unterschrift"
                        + " gültig (§ 37 Abs. 5 VwVfG)."));
    // the postal address of the form under the name, where a window envelope shows it (hybrid mail)
    List<String> to = new ArrayList<>(List.of(a.applicant().displayName()));
    recipients
        .of(entity)
        .postalAddress()
        .ifPresent(
            p -> {
              to.add(p.street());
              to.add(p.postalCode() + " " + p.city());
              if (!"DE".equals(p.country())) {
                to.add(p.country());
              }
            });
    return new DecisionDocument(
        head,
        to,
        municipality + ", " + decidedAt,
        a.reference(),
        DecisionTemplate.fill(t.subject().de(), values.apply(false)),
        de,
        approved && fee != null ? "Gebühr: " + fee : null,
        fill(t.remedy().de(), values.apply(false)),
        closing,
        translation);
  }

  private static List<String> fill(List<String> texts, Function<String, String> values) {
    List<String> out = new ArrayList<>();
    for (String text : texts) {
      out.add(DecisionTemplate.fill(text, values));
    }
    return out;
  }

  private static List<String> lines(String configured) {
    return Arrays.stream(configured.split("\\|"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** "30,00 EUR (je Jahr)", or null for a free service. */
  static String feeText(Fee fee) {
    if (fee == null || fee.amountEuro().signum() == 0) {
      return null;
    }
    DecimalFormat euro =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
    String amount = euro.format(fee.amountEuro().setScale(2, java.math.RoundingMode.UNNECESSARY));
    return amount + " EUR" + (fee.note() == null ? "" : " (" + fee.note() + ")");
  }

  /** The value at {@code form.a.b}: text, numbers and booleans as written, lists joined. */
  static String formValue(JsonNode form, String path) {
    JsonNode node = form;
    for (String part : path.substring("form.".length()).split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    if (node == null || node.isNull() || node.isObject()) {
      return "";
    }
    if (node.isArray()) {
      return Stream.of(node)
          .flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
          .filter(JsonNode::isValueNode)
          .map(JsonNode::asText)
          .collect(Collectors.joining(", "));
    }
    if (node.isBoolean()) {
      return node.asBoolean() ? "ja" : "nein";
    }
    return node.asText();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static NoSuchResourceException notFound() {
    return new NoSuchResourceException(
        ApplicationsError.DECISION_NOT_FOUND, "Zu diesem Antrag liegt kein Bescheid vor.");
  }
}
