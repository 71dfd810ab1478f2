package fr.sanscouture.bench;

import java.time.Duration;

/** Progress on stderr: stdout is for the results. */
final class Progress {

  private static final long START = System.nanoTime();

  private Progress() {}

  static void log(String message) {
    System.err.printf("[bench %6.1fs] %s%n", (System.nanoTime() - START) / 1e9, message);
  }

  static String seconds(long startNanos) {
    return String.format("%.1f s", Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0);
  }
}
