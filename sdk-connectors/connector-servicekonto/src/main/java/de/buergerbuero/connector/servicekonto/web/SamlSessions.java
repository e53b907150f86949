package de.buergerbuero.connector.servicekonto.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal sessions started by a SAML login, by the IdP's subject, so that a logout request of
 * the IdP (which arrives without the SameSite=Strict session cookie) can end them. Sessions leave
 * the registry when they end ({@link SamlSessionListener}). Held per instance: with several
 * instances, an IdP-initiated logout ends the sessions of the instance the browser reaches (see
 * docs/connectors/servicekonto.md).
 */
@ApplicationScoped
public class SamlSessions {
  static final String NAME_ID = "buergerbuero.saml.nameId";
  static final String SESSION_INDEX = "buergerbuero.saml.sessionIndex";

  private final Map<String, Set<HttpSession>> byNameId = new ConcurrentHashMap<>();

  void register(HttpSession session, String nameId, String sessionIndex) {
    if (session == null || nameId == null) {
      return;
    }
    session.setAttribute(NAME_ID, nameId);
    if (sessionIndex != null) {
      session.setAttribute(SESSION_INDEX, sessionIndex);
    }
    byNameId.computeIfAbsent(nameId, k -> ConcurrentHashMap.newKeySet()).add(session);
  }

  void forget(HttpSession session) {
    Object nameId = session.getAttribute(NAME_ID);
    if (nameId != null) {
      byNameId.computeIfPresent(
          (String) nameId,
          (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
          });
    }
  }

  /** Ends the sessions of {@code nameId}: those of the given IdP sessions, or all when none. */
  void end(String nameId, List<String> sessionIndexes) {
    Set<HttpSession> sessions = byNameId.get(nameId);
    if (sessions == null) {
      return;
    }
    for (HttpSession session : List.copyOf(sessions)) {
      try {
        Object index = session.getAttribute(SESSION_INDEX);
        if (sessionIndexes.isEmpty() || sessionIndexes.contains(index)) {
          sessions.remove(session);
          session.invalidate();
        }
      } catch (IllegalStateException alreadyEnded) {
        sessions.remove(session);
      }
    }
  }
}
