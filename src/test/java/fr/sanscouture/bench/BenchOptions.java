package fr.sanscouture.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What a run measures, from {@code -Dbench.*} system properties; {@code quick} and {@code full} only
 * change the defaults.
 *
 * @param sizes the numbers of open tasks the database is filled to, in turn
 * @param ended the ended parcours in the database for {@code step-after-ended}
 * @param calls the measured calls of each side of a latency measure
 * @param warmup the calls of each side before measuring
 * @param due the due jobs each side of {@code due-job-drain} drains
 * @param templates the real parcours started through the engine and cloned to fill the database
 * @param smallStructure the open parcours of the small structure, the same at every size
 */
record BenchOptions(String mode, List<Long> sizes, long ended, int calls, int warmup, int due, int templates, long smallStructure) {

  static BenchOptions fromSystemProperties() {
    String mode = System.getProperty("bench.mode", "quick");
    boolean full = switch (mode) {
      case "quick" -> false;
      case "full" -> true;
      default -> throw new IllegalArgumentException("bench.mode is quick or full, not " + mode);
    };
    List<Long> sizes = Arrays.stream(System.getProperty("bench.sizes", full ? "10000,100000,1000000" : "1000,10000").split(","))
        .map(String::strip).map(Long::parseLong).sorted().toList();
    return new BenchOptions(mode, sizes,
        Long.getLong("bench.ended", full ? 100_000 : 5_000),
        Integer.getInteger("bench.calls", 40),
        Integer.getInteger("bench.warmup", 20),
        Integer.getInteger("bench.due", full ? 2_000 : 500),
        Integer.getInteger("bench.templates", 4),
        Long.getLong("bench.small", 1_000));
  }
}
