package de.buergerbuero.kernel.model;

/** Who causes a status change. */
public enum Actor {
  APPLICANT,
  STAFF,
  SYSTEM
}
