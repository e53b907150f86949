package de.buergerbuero.indoor.model;

/** How a connection between two nodes is walked. */
public enum EdgeKind {
  WALK,
  RAMP,
  STEPS,
  ESCALATOR,
  LIFT;

  /** Whether this connection changes the level by climbing (stairs, escalators). */
  public boolean isClimb() {
    return this == STEPS || this == ESCALATOR;
  }
}
