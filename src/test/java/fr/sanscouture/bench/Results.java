package fr.sanscouture.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per measure, appended to the results file (bench/run prints it on stdout) and shown on
 * stderr as it comes. {@code project} and {@code baseline} are p95 latencies in ms, a rate or a count;
 * {@code ratio} is project / baseline.
 */
final class Results {

  private final ObjectMapper json = new ObjectMapper();
  private final PrintWriter file;

  Results(Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    file = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING), true);
  }

  void latency(String measure, long n, Latency.Pair pair, Map<String, Object> extra) throws IOException {
    Map<String, Object> line = line(measure, n, pair.project().p95Ms(), pair.baseline().p95Ms());
    line.put("p50_ms", sides(pair.project().p50Ms(), pair.baseline().p50Ms()));
    line.put("p95_ms", sides(pair.project().p95Ms(), pair.baseline().p95Ms()));
    line.put("ratio_p50", round(pair.project().p50Ms() / pair.baseline().p50Ms()));
    line.putAll(extra);
    write(line);
  }

  /** A measure that is no latency (a rate, a count): no percentiles. */
  void value(String measure, long n, double project, double baseline, Map<String, Object> extra) throws IOException {
    Map<String, Object> line = line(measure, n, project, baseline);
    line.put("p50_ms", null);
    line.put("p95_ms", null);
    line.putAll(extra);
    write(line);
  }

  private Map<String, Object> line(String measure, long n, double project, double baseline) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("measure", measure);
    line.put("n", n);
    line.put("project", round(project));
    line.put("baseline", round(baseline));
    line.put("ratio", round(project / baseline));
    return line;
  }

  private static Map<String, Object> sides(double project, double baseline) {
    return sides((Object) round(project), round(baseline));
  }

  /** A value of the project and of its baseline, in this order. */
  static Map<String, Object> sides(Object project, Object baseline) {
    Map<String, Object> sides = new LinkedHashMap<>();
    sides.put("project", project);
    sides.put("baseline", baseline);
    return sides;
  }

  private void write(Map<String, Object> line) throws IOException {
    // the machine's load when the measure ends: another job running beside the benchmark shows here
    line.put("load_avg", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    String text = json.writeValueAsString(line);
    file.println(text);
    Progress.log("result " + text);
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
