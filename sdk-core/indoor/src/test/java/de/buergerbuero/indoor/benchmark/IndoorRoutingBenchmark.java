package de.buergerbuero.indoor.benchmark;

import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.Edge;
import de.buergerbuero.indoor.model.EdgeKind;
import de.buergerbuero.indoor.model.Node;
import de.buergerbuero.indoor.model.NodeKind;
import de.buergerbuero.indoor.model.Room;
import de.buergerbuero.indoor.routing.IndoorRouter;
import de.buergerbuero.indoor.routing.Profile;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Routing benchmark (run by {@code benchmarks/indoor-routing.sh}): generated buildings of 2 500, 5
 * 000 and 10 000 nodes (levels of corridor grids joined by lifts and stairs, a room at every fifth
 * node); for each the retained heap of the router (all three profile graphs) per node + edge, and
 * the p50/p99 latency of 2 000 routes between random rooms (default and wheelchair), after a
 * warm-up. The smallest building is the baseline of the ratios.
 */
public final class IndoorRoutingBenchmark {
  private IndoorRoutingBenchmark() {}

  public static void main(String[] args) {
    int[] sizes =
        args.length > 0
            ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
            : new int[] {2_500, 5_000, 10_000};
    double baseBytes = 0;
    double baseP99 = 0;
    for (int size : sizes) {
      long retained = retainedBytes(size);
      Building building = generate(size);
      IndoorRouter router = new IndoorRouter(building);
      int elements = building.nodes().size() + building.edges().size();
      double bytesPerElement = retained / (double) elements;
      List<String> rooms = new ArrayList<>(building.rooms().keySet());
      Random random = new Random(42);
      for (int i = 0; i < 2_000; i++) { // warm-up
        router.route(pick(rooms, random), pick(rooms, random), Profile.DEFAULT);
      }
      long[] nanos = new long[2_000];
      for (int i = 0; i < nanos.length; i++) {
        Profile profile = i % 2 == 0 ? Profile.DEFAULT : Profile.WHEELCHAIR;
        String from = pick(rooms, random);
        String to = pick(rooms, random);
        long t0 = System.nanoTime();
        router.route(from, to, profile);
        nanos[i] = System.nanoTime() - t0;
      }
      Arrays.sort(nanos);
      double p50 = nanos[nanos.length / 2] / 1e6;
      double p99 = nanos[(int) (nanos.length * 0.99)] / 1e6;
      if (baseBytes == 0) {
        baseBytes = bytesPerElement;
        baseP99 = p99;
      }
      System.out.printf(
          "nodes=%d edges=%d heap=%.1f MB bytes/(node+edge)=%.0f (x%.2f of smallest) route p50=%.2f ms p99=%.2f ms (x%.2f of smallest; target p99 <= 5 ms)%n",
          building.nodes().size(),
          building.edges().size(),
          retained / 1e6,
          bytesPerElement,
          bytesPerElement / baseBytes,
          p50,
          p99,
          p99 / baseP99);
      if (router.graphSize() == 0) {
        throw new IllegalStateException("empty graph");
      }
    }
  }

  /** Heap held by a building and its router: used heap with them minus used heap without. */
  private static long retainedBytes(int size) {
    long[] samples = new long[3];
    for (int round = 0; round < samples.length; round++) {
      Building building = generate(size);
      IndoorRouter router = new IndoorRouter(building);
      long with = usedAfterGc();
      if (router.graphSize() == 0 || building.rooms().isEmpty()) {
        throw new IllegalStateException("empty");
      }
      router = null;
      building = null;
      samples[round] = with - usedAfterGc();
    }
    Arrays.sort(samples);
    return samples[1];
  }

  private static String pick(List<String> rooms, Random random) {
    return rooms.get(random.nextInt(rooms.size()));
  }

  /** Levels of square corridor grids (about 800 nodes each), lift in a corner, stairs opposite. */
  static Building generate(int targetNodes) {
    int perLevel = 800;
    int levels = Math.max(1, targetNodes / perLevel);
    int side = (int) Math.round(Math.sqrt(targetNodes / (double) levels));
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    Map<String, Room> rooms = new LinkedHashMap<>();
    for (int l = 0; l < levels; l++) {
      for (int i = 0; i < side; i++) {
        for (int j = 0; j < side; j++) {
          String id = id(l, i, j);
          boolean entrance = l == 0 && i == 0 && j == 0;
          boolean corner = (i == 0 || i == side - 1) && (j == 0 || j == side - 1);
          boolean narrow = !corner && (i * 31 + j * 17 + l) % 23 == 0;
          nodes.put(
              id,
              new Node(
                  id,
                  l,
                  i * 3.0,
                  j * 3.0,
                  entrance ? NodeKind.ENTRANCE : narrow ? NodeKind.DOOR : NodeKind.WAYPOINT,
                  entrance ? "Haupteingang" : null,
                  narrow ? 0.8 : null,
                  true));
          if (i > 0) {
            edges.add(new Edge(id(l, i - 1, j), id, EdgeKind.WALK, 3, null, true));
          }
          if (j > 0) {
            edges.add(new Edge(id(l, i, j - 1), id, EdgeKind.WALK, 3, null, true));
          }
          if ((i * side + j) % 5 == 2 && !narrow) {
            String roomId = l + "." + i + "." + j;
            rooms.put(roomId, new Room(roomId, roomId, null, l, null, null, id, i * 3.0, j * 3.0));
          }
        }
      }
      if (l > 0) {
        edges.add(
            new Edge(id(l - 1, 0, side - 1), id(l, 0, side - 1), EdgeKind.LIFT, 0, 1.1, true));
        edges.add(
            new Edge(id(l - 1, side - 1, 0), id(l, side - 1, 0), EdgeKind.STEPS, 0, null, true));
      }
    }
    return new Building("generated", "Generated", 52, 7, nodes, edges, rooms, List.of(id(0, 0, 0)));
  }

  private static String id(int level, int i, int j) {
    return level + ":" + i + ":" + j;
  }

  private static long usedAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
