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

  /**
   * The same submissions as {@link #fetch(String)}, handed over one at a time, so that a connector
   * need not hold a whole batch (decrypted data, attachments) at once. A document of a submission
   * can be read only during {@link Receiver#accept}; the connector may delete its copy afterwards.
   * A submission that cannot be fetched now (network, 5xx, an answer of the wrong shape) is
   * reported to {@link Receiver#deferred} and offered again next time; the others go on.
   *
   * <p>The default hands over the result of {@link #fetch(String)}; connectors that decrypt or
   * download per submission should override it.
   *
   * @throws FormServerException as {@link #fetch(String)} when nothing can be fetched at all
   */
  default void fetch(String formId, Receiver receiver) {
    Batch batch = fetch(formId);
    batch.rejected().forEach(receiver::rejected);
    batch.submissions().forEach(receiver::accept);
  }

  /** Takes the submissions of one {@link #fetch(String, Receiver)}. */
  interface Receiver {
    /** A readable submission; its documents are readable until this method returns. */
    void accept(FormSubmission submission);

    /** A submission that could not be read; the form server is told and does not deliver it. */
    void rejected(Rejected rejected);

    /** A submission that could not be fetched now; it is offered again on the next fetch. */
    default void deferred(String submissionId, String reason) {}
  }

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
