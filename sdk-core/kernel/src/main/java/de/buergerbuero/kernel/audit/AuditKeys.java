package de.buergerbuero.kernel.audit;

import de.buergerbuero.kernel.error.ConfigurationException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit log's secrets, from configuration (never from the database they protect): the chain key
 * ({@code buergerbuero.audit.key}) and the key of actor pseudonyms ({@code
 * buergerbuero.audit.pseudonym-key}). Without them the deployment does not start, except under
 * {@code buergerbuero.profile=development}, where fixed, public development keys are used and
 * logged as such.
 */
@ApplicationScoped
public class AuditKeys {
  private static final Logger LOG = Logger.getLogger(AuditKeys.class.getName());
  static final String KEY = "buergerbuero.audit.key";
  static final String PSEUDONYM_KEY = "buergerbuero.audit.pseudonym-key";
  static final String DEVELOPMENT_KEY = "development-only-audit-key-NOT-SECRET-do-not-use";
  static final String DEVELOPMENT_PSEUDONYM_KEY =
      "development-only-pseudonym-key-NOT-SECRET-do-not-use";

  @Inject
  @ConfigProperty(name = KEY)
  Optional<String> key;

  @Inject
  @ConfigProperty(name = PSEUDONYM_KEY)
  Optional<String> pseudonymKey;

  @Inject
  @ConfigProperty(name = "buergerbuero.profile")
  Optional<String> profile;

  private AuditKey chain;
  private AuditKey pseudonyms;

  @PostConstruct
  void load() {
    boolean development = profile.map("development"::equals).orElse(false);
    List<String> missing = new ArrayList<>();
    chain = key(KEY, key, DEVELOPMENT_KEY, development, missing);
    pseudonyms = key(PSEUDONYM_KEY, pseudonymKey, DEVELOPMENT_PSEUDONYM_KEY, development, missing);
    if (!missing.isEmpty()) {
      throw new ConfigurationException(
          "The audit log needs secrets outside the database: set "
              + String.join(" and ", missing)
              + " (at least 32 characters each; development keys only with"
              + " buergerbuero.profile=development)");
    }
  }

  private static AuditKey key(
      String name,
      Optional<String> configured,
      String developmentKey,
      boolean development,
      List<String> missing) {
    String value = configured.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    if (value == null && development) {
      LOG.warning(
          () ->
              name
                  + " is not set: using the public DEVELOPMENT-ONLY key"
                  + " (buergerbuero.profile=development); the audit log is not protected");
      return AuditKey.of(developmentKey);
    }
    if (value == null || value.length() < 32) {
      missing.add(name);
      return null;
    }
    return AuditKey.of(value);
  }

  /** Fails the start of the application when a key is missing. */
  void check(@Observes @Priority(50) Startup startup) {
    chain();
  }

  public AuditKey chain() {
    return chain;
  }

  /**
   * The actor as stored: an applicant's subject id (bPK2 or similar) becomes a keyed pseudonym
   * ({@code applicant:ps-<32 hex digits>}), stable per person and key; other actors stay as they
   * are. Clerks and administrators see only the pseudonym; whoever holds the key can compute the
   * pseudonym of a known subject id (e.g. for a data-subject request), nobody can invert it.
   */
  public String actor(String actor) {
    if (actor != null && actor.startsWith("applicant:")) {
      String subject = actor.substring("applicant:".length());
      return "applicant:ps-" + pseudonyms.macHex(subject).substring(0, 32);
    }
    return actor;
  }

  /**
   * A keyed pseudonym of a value for another purpose than the audit log (e.g. a client address in
   * the shared rate limits): HMAC with the pseudonym key over purpose and value, so that the same
   * value gives unrelated pseudonyms for different purposes and nobody without the key can test a
   * guessed value (IP addresses are easy to guess).
   */
  public String pseudonym(String purpose, String value) {
    return pseudonyms.macHex(purpose + '\u0000' + value);
  }
}
