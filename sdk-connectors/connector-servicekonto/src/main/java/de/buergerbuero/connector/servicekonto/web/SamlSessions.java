package de.buergerbuero.connector.servicekonto.web;

import de.buergerbuero.kernel.spi.login.FederatedSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal sessions started by a SAML login, so that a logout request of the IdP (which arrives
 * without the SameSite=Strict session cookie, at any instance) can end them. Each is recorded in
 * the database ({@link FederatedSessions}: subject and IdP session index as hashes); the IdP's
 * logout marks the records ended, this instance invalidates its own sessions at once, and every
 * instance checks the record before it serves a request of such a session ({@link
 * SamlSessionCheck}). Sessions leave the registry when they end ({@link SamlSessionListener}). A
 * record lives 12 hours; a session still in use after that is ended and must log in again.
 */
@ApplicationScoped
public class SamlSessions {
  static final String NAME_ID = "buergerbuero.saml.nameId";
  static final String SESSION_INDEX = "buergerbuero.saml.sessionIndex";
  static final String SOURCE = "buergerbuero.saml.source";
  static final String RECORD = "buergerbuero.saml.record";
  static final Duration RECORD_LIFETIME = Duration.ofHours(12);

  @Inject FederatedSessions records;
  @Inject Clock clock;

  /** This instance's sessions, by record id. */
  private final Map<String, HttpSession> local = new ConcurrentHashMap<>();

  void register(HttpSession session, String source, String nameId, String sessionIndex) {
    if (session == null || nameId == null) {
      return;
    }
    session.setAttribute(NAME_ID, nameId);
    session.setAttribute(SOURCE, source);
    if (sessionIndex != null) {
      session.setAttribute(SESSION_INDEX, sessionIndex);
    }
    String id = records.register(source, nameId, sessionIndex, clock.instant(), RECORD_LIFETIME);
    session.setAttribute(RECORD, id);
    local.put(id, session);
  }

  void forget(HttpSession session) {
    Object id = session.getAttribute(RECORD);
    if (id != null) {
      local.remove((String) id);
      records.forget((String) id);
    }
  }

  /** Whether this session came from a SAML login that has ended since (at the IdP, or expired). */
  boolean ended(HttpSession session) {
    Object id = session.getAttribute(RECORD);
    return id != null && records.ended((String) id, clock.instant());
  }

  /**
   * Ends the sessions of {@code nameId} from {@code source}: those of the given IdP sessions, or
   * all when none — on every instance (the records), and this instance's at once.
   */
  void end(String source, String nameId, List<String> sessionIndexes) {
    records.end(source, nameId, sessionIndexes);
    for (Map.Entry<String, HttpSession> e : List.copyOf(local.entrySet())) {
      HttpSession session = e.getValue();
      try {
        if (source.equals(session.getAttribute(SOURCE))
            && nameId.equals(session.getAttribute(NAME_ID))
            && (sessionIndexes.isEmpty()
                || sessionIndexes.contains(session.getAttribute(SESSION_INDEX)))) {
          local.remove(e.getKey());
          session.invalidate();
        }
      } catch (IllegalStateException alreadyEnded) {
        local.remove(e.getKey());
      }
    }
  }
}
