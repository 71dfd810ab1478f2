package fr.sanscouture.bench;

import fr.sanscouture.reception.ReceptionProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;

/**
 * The performance benchmark ({@code bench/run quick|full}, README « Benchmark »): each measure of the
 * project beside its baseline, in the same run and on the same database. The job executor runs only
 * while a drain is measured; every other measure sends one request at a time.
 */
public final class Benchmark {

  private final BenchApp app;
  private final ProcessEngine engine;
  private final BenchOptions options;
  private final Results results;
  private final Connection db;
  private Requests requests;

  private Benchmark(BenchApp app, BenchOptions options, Results results) throws Exception {
    this.app = app;
    this.engine = app.engine;
    this.options = options;
    this.results = results;
    this.db = app.connect();
  }

  public static void main(String[] args) {
    BenchOptions options = BenchOptions.fromSystemProperties();
    Progress.log("options " + options);
    int status = 0;
    try (BenchApp app = new BenchApp()) {
      Progress.log("application started at " + app.baseUrl);
      new Benchmark(app, options, new Results(Path.of(System.getProperty("bench.results", "target/bench/results.jsonl")))).run();
    } catch (Throwable failure) {
      failure.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  private void run() throws Exception {
    app.stopJobExecutor();
    Fixtures.create(app);
    requests = new Requests(app.baseUrl);

    // first, so that they warm the JVM up too: its compiler competes with the first requests for 2 cores
    Progress.log("templates: real parcours through the engine");
    List<String> openRoots = new ArrayList<>();
    for (int i = 0; i < options.templates(); i++) {
      openRoots.add(Journey.entered(engine, requests));
    }
    String endedRoot = Journey.ended(engine, requests);
    String timerRoot = engine.getRuntimeService().startProcessInstanceByKey(Fixtures.TIMER).getId();

    Latency.Pair step = emptyDatabase();
    afterEnded(Cloner.of(db, List.of(endedRoot), Fixtures.REFERENT_STRUCTURE), step);
    Cloner open = Cloner.of(db, openRoots, Fixtures.REFERENT_STRUCTURE);
    fill("open parcours of the small structure", Cloner.allInto(db, openRoots, Fixtures.SMALL_STRUCTURE), options.smallStructure());
    Cloner timers = Cloner.of(db, List.of(timerRoot), Fixtures.REFERENT_STRUCTURE);
    for (long size : options.sizes()) {
      fill("open parcours", open, size - count("SELECT count(*) FROM act_ru_task"));
      inbox(size);
      Progress.log(size + " open tasks: intake and step");
      IntakeAndStep atSize = intakeAndStep();
      results.latency("intake", size, atSize.intake(), Map.of());
      results.latency("step", size, atSize.step(), Map.of());
      drain(size, timers);
    }
  }

  /** Intake and step on the database that holds the templates only; answers the step, which step-after-ended compares with. */
  private Latency.Pair emptyDatabase() throws Exception {
    Progress.log("empty database (the templates only): intake and step, a first time to warm the JVM up");
    // as autovacuum would have by now: the planner knows the tables
    vacuumAnalyze();
    // on 2 cores the JVM's compilers, still at work after the templates, slow the heavier side's first
    // calls more than the baseline's: the first pass is not kept
    intakeAndStep();
    Progress.log("empty database: intake and step, measured");
    IntakeAndStep measured = intakeAndStep();
    results.latency("intake", 0, measured.intake(), Map.of());
    statements("statements-per-start", measured.intake());
    results.latency("step", 0, measured.step(), Map.of());
    statements("statements-per-step", measured.step());
    return measured.step();
  }

  private record IntakeAndStep(Latency.Pair intake, Latency.Pair step) {}

  private IntakeAndStep intakeAndStep() throws Exception {
    List<String> parcours = new ArrayList<>();
    List<String> oneTasks = new ArrayList<>();
    Latency.Pair intake = Latency.measure(app, options,
        timer -> {
          timer.start();
          parcours.add(requests.intake());
        },
        timer -> {
          timer.start();
          oneTasks.add(requests.startOneTask());
        });
    // the invitations go out (the job executor would have sent them by the time a référent plans the appointment)
    Journey.runMessageJobs(engine);
    vacuumAnalyze();
    return new IntakeAndStep(intake, steps(parcours, oneTasks));
  }

  /** The step again, once the ended parcours are in. */
  private void afterEnded(Cloner ended, Latency.Pair stepOnEmpty) throws Exception {
    List<String> parcours = new ArrayList<>();
    List<String> oneTasks = new ArrayList<>();
    for (int i = 0; i < options.warmup() + options.calls(); i++) {
      parcours.add(requests.intake());
      oneTasks.add(requests.startOneTask());
    }
    Journey.runMessageJobs(engine);
    long endedNow = count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'parcours' AND end_time_ IS NOT NULL");
    fill("ended parcours", ended, options.ended() - endedNow);
    Latency.Pair step = steps(parcours, oneTasks);
    results.latency("step-after-ended", options.ended(), step, Map.of("vs_empty", Results.round(step.ratio() / stepOnEmpty.ratio())));
  }

  /**
   * Tasklist's inbox of the référent, whose structure holds a tenth of the open tasks, then of the
   * small structure's référent, whose open tasks stay as many: with the engine's authorization checks on and off.
   */
  private void inbox(long size) throws Exception {
    String filter = Fixtures.inboxFilterId(app);
    Progress.log(size + " open tasks: inbox");
    for (Inbox inbox : List.of(new Inbox("inbox", Fixtures.REFERENT, Fixtures.REFERENT_STRUCTURE),
        new Inbox("small-structure-inbox", Fixtures.SMALL_REFERENT, Fixtures.SMALL_STRUCTURE))) {
      Map<String, Object> tasks = Map.of("inbox_tasks", count("SELECT count(*) FROM act_ru_identitylink WHERE task_id_ IS NOT NULL"
          + " AND group_id_ = '" + inbox.structure() + "'"));
      results.latency(inbox.measure() + "-list", size, authorizationOnAndOff(() -> requests.inboxList(inbox.referent(), filter)), tasks);
      results.latency(inbox.measure() + "-count", size, authorizationOnAndOff(() -> requests.inboxCount(inbox.referent(), filter)), tasks);
    }
  }

  private record Inbox(String measure, String referent, String structure) {}

  /** Completes, in turn, a référent's « Planifier l'accueil » of each parcours and the one-task model's task. */
  private Latency.Pair steps(List<String> parcours, List<String> oneTasks) throws Exception {
    TaskService tasks = engine.getTaskService();
    return Latency.measure(app, options,
        timer -> {
          String task = tasks.createTaskQuery().processInstanceBusinessKey(parcours.remove(0))
              .taskDefinitionKey(ReceptionProcess.Elements.PLAN_APPOINTMENT).singleResult().getId();
          Map<String, String> appointment = Requests.appointment();
          timer.start();
          requests.submitForm(task, appointment);
        },
        timer -> {
          String task = tasks.createTaskQuery().processInstanceId(oneTasks.remove(0)).singleResult().getId();
          timer.start();
          requests.submitForm(task, Map.of());
        });
  }

  private interface Request {
    void send() throws Exception;
  }

  /** The same request by the same session, with the engine's authorization checks on, then off. */
  private Latency.Pair authorizationOnAndOff(Request request) throws Exception {
    try {
      return Latency.measure(app, options,
          timer -> {
            app.configuration().setAuthorizationEnabled(true);
            timer.start();
            request.send();
          },
          timer -> {
            app.configuration().setAuthorizationEnabled(false);
            timer.start();
            request.send();
          });
    } finally {
      app.configuration().setAuthorizationEnabled(true);
    }
  }

  /** Parcours' « 3 jours sans rendez-vous » reminders made due, then as many bare timers, with the same jobs waiting. */
  private void drain(long size, Cloner timers) throws Exception {
    int due = options.due();
    // a tenth as many on each side first, not measured: the first reminders run code nothing ran before
    // (the mail's template, the mail client), which the JVM's compilers take on while they run
    int warmUp = Math.max(1, due / 10);
    timers.add(app::connect, due + warmUp, (done, total) -> {});
    vacuumAnalyze();
    long waiting = count("SELECT count(*) FROM act_ru_job");
    Progress.log(size + " open tasks: draining " + warmUp + " due jobs of each side, then " + due + ", " + waiting + " jobs in all");
    String reminders = "SELECT id_ FROM act_ru_job WHERE handler_cfg_ LIKE '%" + ReceptionProcess.Elements.PLANNING_REMINDER
        + "%' AND duedate_ > now() + interval '5 years'";
    String bareTimers = "SELECT id_ FROM act_ru_job WHERE process_def_key_ = '" + Fixtures.TIMER + "' AND duedate_ > now() + interval '5 years'";
    Drain.run(app, db, reminders, warmUp);
    Drain.run(app, db, bareTimers, warmUp);
    Drain.Rate project = Drain.run(app, db, reminders, due);
    Drain.Rate bare = Drain.run(app, db, bareTimers, due);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("unit", "jobs/s");
    extra.put("due", due);
    extra.put("waiting_jobs", waiting - 2 * warmUp - due);
    extra.put("failed", Results.sides(project.failed(), bare.failed()));
    results.value("due-job-drain", size, project.jobsPerSecond(), bare.jobsPerSecond(), extra);
  }

  private void statements(String measure, Latency.Pair pair) throws Exception {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("unit", "statements");
    results.value(measure, 0, pair.project().statements(), pair.baseline().statements(), extra);
  }

  /** Adds at least {@code count} parcours, copies of the cloner's templates. */
  private void fill(String what, Cloner cloner, long count) throws Exception {
    if (count <= 0) {
      return;
    }
    long copies = (count + cloner.parcoursPerCopy() - 1) / cloner.parcoursPerCopy();
    long start = System.nanoTime();
    Progress.log("filling " + copies * cloner.parcoursPerCopy() + " " + what + " (" + cloner.rowsPerCopy() * copies + " rows)");
    durable(false);
    try {
      cloner.add(app::connect, copies, new Cloner.Progress() {
        @Override
        public void copied(long done, long total) {
          Progress.log("  " + done * cloner.parcoursPerCopy() + "/" + total * cloner.parcoursPerCopy() + " " + what + ", " + Progress.seconds(start));
        }

        @Override
        public void indexed(int indexes) {
          Progress.log("  " + indexes + " indexes built again, " + Progress.seconds(start));
        }
      });
    } finally {
      durable(true);
    }
    vacuumAnalyze();
    requests.logIn();
    Progress.log("filled " + copies * cloner.parcoursPerCopy() + " " + what + " in " + Progress.seconds(start) + " (vacuum and analyze included)");
  }

  /**
   * The fill is the benchmark's set-up, not a measure: while it runs the server neither waits for the
   * disk nor writes whole pages to its log after each checkpoint (a crash would lose the run, nothing
   * else). Every measure runs durable, as in production, after a checkpoint has written the fill.
   */
  private void durable(boolean durable) throws Exception {
    try (Statement statement = db.createStatement()) {
      for (String setting : List.of("fsync", "full_page_writes")) {
        statement.execute(durable ? "ALTER SYSTEM RESET " + setting : "ALTER SYSTEM SET " + setting + " = off");
      }
      statement.execute("SELECT pg_reload_conf()");
      if (durable) {
        statement.execute("CHECKPOINT");
      }
    }
  }

  private long count(String sql) {
    return Drain.count(db, sql);
  }

  /** The database as autovacuum keeps it, before a measure: so that autovacuum has nothing left to do during it. */
  private void vacuumAnalyze() throws Exception {
    try (Statement statement = db.createStatement()) {
      statement.execute("VACUUM ANALYZE");
    }
  }
}
