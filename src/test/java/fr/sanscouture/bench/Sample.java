package fr.sanscouture.bench;

import java.util.ArrayList;
import java.util.List;

/** The calls of one side of a measure: their durations and the statements each ran. */
final class Sample {

  private final List<Long> nanos = new ArrayList<>();
  private final List<Long> statements = new ArrayList<>();

  void add(long callNanos, long callStatements) {
    nanos.add(callNanos);
    statements.add(callStatements);
  }

  double p50Ms() {
    return percentile(nanos, 50) / 1e6;
  }

  double p95Ms() {
    return percentile(nanos, 95) / 1e6;
  }

  long statements() {
    return percentile(statements, 50);
  }

  /** The nearest-rank percentile. */
  private static long percentile(List<Long> values, int percent) {
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
