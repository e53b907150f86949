package de.buergerbuero.kernel.spi.forms;

import java.util.List;

/**
 * Port: fetch completed forms from a form server (MACH formsolutions, FIT-Connect, …) and
 * acknowledge them.
 *
 * <p>Delivery is at least once: a submission is fetched again until it is acknowledged, and the
 * caller acknowledges only after the application is durably stored — so a crash in between neither
 * loses nor duplicates it (the caller deduplicates by {@link FormSubmission#submissionId()}).
 *
 * <p>Errors: {@link FormServerException#unavailable} (network, 5xx: retry later), {@link
 * FormServerException#refused} (credentials, configuration: do not retry). A single malformed
 * submission does not fail the fetch: it is reported in {@link Batch#rejected()}.
 */
public interface FormServerPort {

  /** The submissions of a form that are new or fetched but not yet acknowledged. */
  Batch fetch(String formId);

  /** Tells the form server the submission is stored and must not be delivered again. */
  void acknowledge(String formId, String submissionId);

  /** What one fetch brought: usable submissions and the ones that could not be read. */
  record Batch(List<FormSubmission> submissions, List<Rejected> rejected) {
    public Batch {
      submissions = List.copyOf(submissions);
      rejected = List.copyOf(rejected);
    }
  }

  /** A submission that could not be read, with the reason (no personal data). */
  record Rejected(String submissionId, String reason) {}
}
