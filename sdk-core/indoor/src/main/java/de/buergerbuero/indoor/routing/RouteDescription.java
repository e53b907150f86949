package de.buergerbuero.indoor.routing;

import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.EdgeKind;
import de.buergerbuero.indoor.model.Level;
import de.buergerbuero.indoor.model.Node;
import de.buergerbuero.indoor.model.NodeKind;
import de.buergerbuero.indoor.model.Room;
import de.buergerbuero.kernel.model.LocalizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a path into instructions a visitor can follow: walking stretches end at turns, lifts,
 * stairs and the destination; lift rides and flights of stairs become one step each ("Nehmen Sie
 * den Aufzug ins 2. OG").
 */
final class RouteDescription {
  /** Below this change of direction the way counts as straight on. */
  private static final double TURN_DEGREES = 40;

  private RouteDescription() {}

  static List<Route.Step> describe(
      Building building, String start, List<IndoorRouter.Leg> legs, Room origin, Room target) {
    List<Route.Step> steps = new ArrayList<>();
    Node first = building.nodes().get(start);
    String startName =
        origin != null
            ? origin.label()
            : first.name() != null ? first.name() : startFallback(first);
    String startNameEn = origin != null ? origin.labelEn() : english(startName);
    Level startLevel = new Level(first.level());
    steps.add(
        new Route.Step(
            "start",
            LocalizedText.of(
                "Start: " + startName + " (" + startLevel.shortDe() + ")",
                "Start: " + startNameEn + " (" + startLevel.name().en() + ")"),
            first.level(),
            0));
    int i = 0;
    while (i < legs.size()) {
      IndoorRouter.Leg leg = legs.get(i);
      if (Profile.changesLevel(leg.edge.kind())) {
        int j = i;
        EdgeKind kind = leg.edge.kind();
        while (j + 1 < legs.size() && legs.get(j + 1).edge.kind() == kind) {
          j++;
        }
        steps.add(levelChange(kind, leg.from, legs.get(j).to, legs.subList(i, j + 1)));
        i = j + 1;
        continue;
      }
      // a walking stretch: until a turn, a level change or the end
      double metres = 0;
      boolean ramp = false;
      int j = i;
      String turn = null;
      while (true) {
        IndoorRouter.Leg current = legs.get(j);
        metres += current.edge.length();
        ramp |= current.edge.kind() == EdgeKind.RAMP;
        if (j + 1 >= legs.size() || Profile.changesLevel(legs.get(j + 1).edge.kind())) {
          break;
        }
        String t = turn(current, legs.get(j + 1));
        if (t != null) {
          turn = t;
          break;
        }
        j++;
      }
      IndoorRouter.Leg last = legs.get(j);
      String ending;
      String endingEn;
      if (turn != null) {
        ending = ", dann " + ("left".equals(turn) ? "links" : "rechts") + " abbiegen";
        endingEn = ", then turn " + turn;
      } else if (j + 1 < legs.size()) {
        boolean lift = legs.get(j + 1).edge.kind() == EdgeKind.LIFT;
        ending = lift ? " bis zum Aufzug" : " bis zur Treppe";
        endingEn = lift ? " to the lift" : " to the stairs";
      } else {
        ending = " bis zum Ziel";
        endingEn = " to your destination";
      }
      long m = Math.max(1, Math.round(metres));
      steps.add(
          new Route.Step(
              ramp ? "ramp" : "walk",
              LocalizedText.of(
                  "Gehen Sie " + m + " m" + (ramp ? " über die Rampe" : "") + ending + ".",
                  "Walk " + m + " m" + (ramp ? " via the ramp" : "") + endingEn + "."),
              legs.get(i).from.level(),
              Math.round(metres * 10) / 10.0));
      i = j + 1;
    }
    Node end = legs.isEmpty() ? first : legs.get(legs.size() - 1).to;
    Level endLevel = new Level(end.level());
    String what = target != null ? target.label() : (end.name() != null ? end.name() : end.id());
    String whatEn = target != null ? target.labelEn() : english(what);
    steps.add(
        new Route.Step(
            "arrive",
            LocalizedText.of(
                "Ziel: " + what + ", " + endLevel.shortDe() + ".",
                "Destination: " + whatEn + ", " + endLevel.name().en() + "."),
            end.level(),
            0));
    return steps;
  }

  private static Route.Step levelChange(
      EdgeKind kind, Node from, Node to, List<IndoorRouter.Leg> legs) {
    Level target = new Level(to.level());
    boolean up = to.level() > from.level();
    double metres = legs.stream().mapToDouble(l -> l.edge.length()).sum();
    String de;
    String en;
    String stepKind;
    if (kind == EdgeKind.LIFT) {
      stepKind = "lift";
      de = "Nehmen Sie den Aufzug " + into(target) + ".";
      en = "Take the lift to the " + target.name().en() + ".";
    } else {
      boolean escalator = kind == EdgeKind.ESCALATOR;
      stepKind = escalator ? "escalator" : "stairs";
      de =
          "Nehmen Sie die "
              + (escalator ? "Rolltreppe" : "Treppe")
              + (up ? " nach oben " : " nach unten ")
              + into(target)
              + ".";
      en =
          "Take the "
              + (escalator ? "escalator" : "stairs")
              + (up ? " up" : " down")
              + " to the "
              + target.name().en()
              + ".";
    }
    return new Route.Step(
        stepKind, LocalizedText.of(de, en), from.level(), Math.round(metres * 10) / 10.0);
  }

  /** "ins 2. OG", "ins EG", "ins UG" */
  private static String into(Level level) {
    return "ins " + level.shortDe();
  }

  /** "left", "right" or null for (roughly) straight on. */
  private static String turn(IndoorRouter.Leg in, IndoorRouter.Leg out) {
    double dx1 = in.to.x() - in.from.x();
    double dy1 = in.to.y() - in.from.y();
    double dx2 = out.to.x() - out.from.x();
    double dy2 = out.to.y() - out.from.y();
    if (Math.hypot(dx1, dy1) < 0.5 || Math.hypot(dx2, dy2) < 0.5) {
      return null;
    }
    double delta = Math.toDegrees(Math.atan2(dy2, dx2) - Math.atan2(dy1, dx1));
    while (delta > 180) {
      delta -= 360;
    }
    while (delta <= -180) {
      delta += 360;
    }
    if (Math.abs(delta) < TURN_DEGREES) {
      return null;
    }
    return delta > 0 ? "left" : "right";
  }

  private static String startFallback(Node node) {
    return node.kind() == NodeKind.ENTRANCE ? "Eingang" : "Ausgangspunkt";
  }

  private static String english(String germanName) {
    return switch (germanName) {
      case "Haupteingang" -> "main entrance";
      case "Eingang" -> "entrance";
      case "Ausgangspunkt" -> "starting point";
      default -> germanName;
    };
  }
}
