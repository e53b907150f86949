package de.buergerbuero.applications.forms;

import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.applications.intake.UploadSpool;
import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.model.Applicant;
import de.buergerbuero.kernel.security.Caller;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.forms.FormServerPort;
import de.buergerbuero.kernel.spi.forms.FormServers;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import de.buergerbuero.kernel.time.Periodic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns completed forms of form servers into applications: fetch, map (see {@link FormMapping}),
 * store once per submission, and only then acknowledge at the form server. A crash between storing
 * and acknowledging makes the server deliver the submission again; {@link
 * ApplicationService#submitFromFormServer} then finds the stored application — nothing is lost and
 * nothing is stored twice. Submissions that cannot be used stay unacknowledged and are listed for
 * admins (no personal data: ids and reasons).
 */
@ApplicationScoped
public class FormIntake {
  private static final Logger LOG = Logger.getLogger(FormIntake.class.getName());

  @Inject FormServers servers;
  @Inject ApplicationService applications;
  @Inject Clock clock;
  @Resource ManagedScheduledExecutorService executor;

  @Inject
  @ConfigProperty(name = "buergerbuero.forms.mapping.resource")
  java.util.Optional<String> mappingResource;

  @Inject
  @ConfigProperty(name = "buergerbuero.forms.poll-interval-ms", defaultValue = "60000")
  long pollIntervalMs;

  @Inject
  @ConfigProperty(name = "buergerbuero.upload.max-file-bytes", defaultValue = "20971520")
  long maxFileBytes;

  @Inject
  @ConfigProperty(name = "buergerbuero.upload.max-total-bytes", defaultValue = "52428800")
  long maxTotalBytes;

  private List<FormMapping> mappings = List.of();
  private ScheduledFuture<?> task;
  private final Deque<Problem> problems = new ArrayDeque<>();
  private final ReentrantLock polling = new ReentrantLock();

  /** [0]: a requested poll runs; [1]: another is asked for after it. */
  private final boolean[] pollState = new boolean[2];

  /** A submission that could not become an application. */
  public record Problem(
      Instant at, String source, String formId, String submissionId, String reason) {}

  void start(@Observes @Priority(1200) Startup startup) {
    // builds the configured form servers now, so that a wrong key stops the start
    var configured = servers.bySource();
    LOG.info(() -> "Form servers: " + configured.keySet());
    if (mappingResource.isEmpty() || mappingResource.get().isBlank()) {
      return;
    }
    String resource = mappingResource.get();
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigurationException(
            "buergerbuero.forms.mapping.resource: no " + mappingResource);
      }
      mappings = FormMapping.read(in);
    } catch (IOException e) {
      throw new ConfigurationException("buergerbuero.forms.mapping.resource: " + e.getMessage());
    }
    for (FormMapping m : mappings) {
      if (!servers.bySource().containsKey(m.source())) {
        throw new ConfigurationException(
            "Form mapping for "
                + m.formId()
                + " names form server '"
                + m.source()
                + "', which is not configured");
      }
    }
    task = Periodic.every(executor, pollIntervalMs, LOG, "Form intake", this::pollAll);
    LOG.info(() -> "Form intake: " + mappings.size() + " forms, every " + pollIntervalMs + " ms");
  }

  /** The mappings in use (set at start-up; tests set them directly). */
  void mappings(List<FormMapping> mappings) {
    this.mappings = List.copyOf(mappings);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /**
   * Asks for a poll soon (a form server announced new submissions): at most one poll runs and at
   * most one waits behind it, so a burst of announcements costs two polls, not one each.
   */
  public void pollSoon(Executor executor) {
    synchronized (pollState) {
      if (pollState[0]) {
        pollState[1] = true;
        return;
      }
      pollState[0] = true;
    }
    try {
      executor.execute(this::pollWhileAsked);
    } catch (RuntimeException e) {
      synchronized (pollState) {
        pollState[0] = false;
      }
      throw e;
    }
  }

  private void pollWhileAsked() {
    boolean again = true;
    try {
      while (again) {
        pollAll();
        synchronized (pollState) {
          again = pollState[1];
          pollState[1] = false;
          pollState[0] = again;
        }
      }
    } finally {
      if (again) {
        synchronized (pollState) {
          pollState[0] = false;
        }
      }
    }
  }

  /**
   * One round over every mapped form; returns the number of applications stored or found. Rounds
   * never overlap (scheduled, announced and admin-triggered polls wait for each other). Submissions
   * are taken one at a time; one that cannot be fetched now is skipped and comes again next round.
   */
  public int pollAll() {
    polling.lock();
    try {
      int count = 0;
      for (FormMapping mapping : mappings) {
        count += poll(mapping);
      }
      return count;
    } finally {
      polling.unlock();
    }
  }

  private int poll(FormMapping mapping) {
    FormServerPort port = servers.bySource().get(mapping.source());
    int[] count = {0};
    try {
      port.fetch(
          mapping.formId(),
          new FormServerPort.Receiver() {
            @Override
            public void accept(FormSubmission submission) {
              if (take(mapping, port, submission)) {
                count[0]++;
              }
            }

            @Override
            public void rejected(FormServerPort.Rejected r) {
              problem(mapping, r.submissionId(), r.reason());
            }

            @Override
            public void deferred(String submissionId, String reason) {
              LOG.warning(
                  () ->
                      "Form submission "
                          + submissionId
                          + " of "
                          + mapping.formId()
                          + " skipped, fetched again next round: "
                          + reason);
            }
          });
    } catch (BuergerbueroException e) {
      LOG.warning(
          () ->
              "Form server " + mapping.source() + " (" + mapping.formId() + "): " + e.getMessage());
    }
    return count[0];
  }

  private boolean take(FormMapping mapping, FormServerPort port, FormSubmission submission) {
    try {
      intake(mapping, submission);
      port.acknowledge(mapping.formId(), submission.submissionId());
      return true;
    } catch (BuergerbueroException e) {
      // field pointers and messages name what is wrong, never the values entered
      String fields =
          e.fieldErrors().stream()
              .map(f -> f.field() + ": " + f.message())
              .collect(java.util.stream.Collectors.joining("; "));
      problem(
          mapping,
          submission.submissionId(),
          e.errorCode().descriptor().code()
              + " "
              + e.getMessage()
              + (fields.isEmpty() ? "" : " (" + fields + ")"));
    } catch (IllegalArgumentException e) {
      problem(mapping, submission.submissionId(), e.getMessage());
    }
    return false;
  }

  /**
   * Takes one submission a form server pushed (instead of being polled): mapped, validated and
   * stored once per submission id; a repeated push returns the same application.
   *
   * @return the application's id
   * @throws de.buergerbuero.kernel.error.NoSuchResourceException when no mapping covers the form
   */
  public String take(String source, FormSubmission submission) {
    FormMapping mapping =
        mappings.stream()
            .filter(m -> m.source().equals(source) && m.formId().equals(submission.formId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new de.buergerbuero.kernel.error.NoSuchResourceException(
                        "Für dieses Formular ist keine Zuordnung eingerichtet."));
    return intake(mapping, submission);
  }

  private String intake(FormMapping mapping, FormSubmission submission)
      throws BuergerbueroException {
    String name = submission.fields().get(mapping.namePath());
    String subject =
        mapping.subjectPath() == null ? null : submission.fields().get(mapping.subjectPath());
    if (subject == null || subject.isBlank()) {
      subject = mapping.source() + ":" + submission.submissionId();
    }
    Applicant applicant =
        new Applicant(subject, mapping.applicantKind(), name == null ? "unbekannt" : name, null);
    try (UploadSpool spool = new UploadSpool(maxFileBytes, maxTotalBytes, null)) {
      if (submission.pdf() != null) {
        spool(spool, submission.pdf());
      }
      for (CaseDocument attachment : submission.attachments()) {
        spool(spool, attachment);
      }
      return applications.submitFromFormServer(
          mapping.source() + ":" + submission.submissionId(),
          new Caller.ApplicantCaller(applicant, mapping.trustLevel()),
          mapping.serviceId(),
          mapping.formData(submission),
          spool.uploads());
    }
  }

  /** The form server has accepted the file: its real type is recorded, not refused. */
  private static void spool(UploadSpool spool, CaseDocument document) {
    try (InputStream in = document.content().open()) {
      spool.add(document.fileName(), document.mediaType(), in, false);
    } catch (IOException e) {
      throw new IllegalArgumentException("Anhang nicht lesbar: " + document.fileName());
    }
  }

  private void problem(FormMapping mapping, String submissionId, String reason) {
    Problem p =
        new Problem(clock.instant(), mapping.source(), mapping.formId(), submissionId, reason);
    synchronized (problems) {
      boolean known = problems.stream().anyMatch(q -> q.submissionId().equals(submissionId));
      if (!known) {
        LOG.warning(
            () ->
                "Form submission "
                    + submissionId
                    + " of "
                    + mapping.formId()
                    + " not taken: "
                    + reason);
      }
      problems.removeIf(q -> q.submissionId().equals(submissionId));
      problems.addFirst(p);
      while (problems.size() > 200) {
        problems.removeLast();
      }
    }
  }

  /** The newest problems, for admins. */
  public List<Problem> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }
}
