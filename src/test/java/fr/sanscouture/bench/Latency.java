package fr.sanscouture.bench;

/** A latency measure: the project's request and its baseline, called in turn, warm-up calls first. */
final class Latency {

  /** One call; what it does before {@link Timer#start()} is not measured. */
  interface Call {
    void run(Timer timer) throws Exception;
  }

  /** Starts the clock and the statement count of a call. */
  static final class Timer {
    private final StatementCounter counter;
    private long started;

    private Timer(StatementCounter counter) {
      this.counter = counter;
    }

    void start() {
      counter.reset();
      started = System.nanoTime();
    }
  }

  record Pair(Sample project, Sample baseline) {
    double ratio() {
      return project.p95Ms() / baseline.p95Ms();
    }
  }

  private Latency() {}

  static Pair measure(BenchApp app, BenchOptions options, Call project, Call baseline) throws Exception {
    Pair pair = new Pair(new Sample(), new Sample());
    for (int i = 0; i < options.warmup() + options.calls(); i++) {
      boolean measured = i >= options.warmup();
      call(app.statements, project, measured ? pair.project() : new Sample());
      call(app.statements, baseline, measured ? pair.baseline() : new Sample());
    }
    return pair;
  }

  private static void call(StatementCounter counter, Call call, Sample sample) throws Exception {
    Timer timer = new Timer(counter);
    timer.start();
    call.run(timer);
    long nanos = System.nanoTime() - timer.started;
    sample.add(nanos, counter.statements());
  }
}
