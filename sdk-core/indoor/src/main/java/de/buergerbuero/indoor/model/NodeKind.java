package de.buergerbuero.indoor.model;

/** What a point of the walkable network is. */
public enum NodeKind {
  /** a point on a corridor or footway */
  WAYPOINT,
  DOOR,
  /** a building entrance (OSM {@code entrance=*}) */
  ENTRANCE,
  /** a lift stop on one level (OSM {@code highway=elevator}) */
  LIFT,
  /** the end of a flight of stairs */
  STAIRS
}
