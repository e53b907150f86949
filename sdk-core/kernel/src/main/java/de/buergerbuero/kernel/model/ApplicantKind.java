package de.buergerbuero.kernel.model;

/** Who applies: a natural person (BundID) or a company (Mein Unternehmenskonto). */
public enum ApplicantKind {
  CITIZEN,
  COMPANY
}
