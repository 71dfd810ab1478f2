package fr.sanscouture.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Fills the database fast: the rows that real parcours (started through the engine) wrote are copied
 * with {@code INSERT … SELECT … FROM generate_series}, each copy with ids of its own.
 *
 * <p>The rows of a template are those of its process instances, found from their root instance: the
 * runtime (executions, tasks, identity links, variables, jobs, event subscriptions), the whole history,
 * the byte arrays they point to, the grants on any of them (history grants with their removal time
 * included) and the application's own rows of the parcours (its person keys, its audit). Every value
 * that is one of those rows' ids, or the parcours id, becomes {@code md5(value || ':' || copy)} written as
 * a UUID in every table, so ids stay unique and every reference follows. Every structure's group id
 * becomes the copy's structure: one copy in 10 the référent's, the others spread over the other
 * structures but one, which the small structure's copies fill alone. Timers are pushed 10 years ahead, so that none falls due during a run; tasks' due dates
 * are spread over two months.
 */
final class Cloner {

  private record Table(String name, String key, String where) {}

  /** The template's rows, by table, found from R (root instances), P (instances), T (tasks), K (parcours ids). */
  private static final List<Table> TABLES = List.of(
      // an execution below a process instance has no root instance id
      new Table("act_ru_execution", "id_", "proc_inst_id_ = ANY(:P)"),
      new Table("act_ru_task", "id_", "proc_inst_id_ = ANY(:P)"),
      new Table("act_ru_identitylink", "id_", "task_id_ = ANY(:T)"),
      new Table("act_ru_variable", "id_", "proc_inst_id_ = ANY(:P)"),
      new Table("act_ru_job", "id_", "process_instance_id_ = ANY(:P)"),
      new Table("act_ru_event_subscr", "id_", "proc_inst_id_ = ANY(:P)"),
      new Table("act_ru_incident", "id_", "proc_inst_id_ = ANY(:P)"),
      new Table("act_ru_ext_task", "id_", "proc_inst_id_ = ANY(:P)"),
      new Table("act_ge_bytearray", "id_", "root_proc_inst_id_ = ANY(:R)"
          + " OR id_ IN (SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ = ANY(:P))"
          + " OR id_ IN (SELECT exception_stack_id_ FROM act_ru_job WHERE process_instance_id_ = ANY(:P))"),
      new Table("act_hi_procinst", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_actinst", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_taskinst", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_varinst", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_detail", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_identitylink", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_comment", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_attachment", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_op_log", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_incident", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_job_log", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_ext_task_log", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_decinst", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_dec_in", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("act_hi_dec_out", "id_", "root_proc_inst_id_ = ANY(:R)"),
      new Table("active_parcours_key", "person_key", "parcours_id = ANY(:K)"),
      new Table("parcours_audit", "id", "parcours_id = ANY(:K)"),
      // last: the grants on any row above, found by its id (:S)
      new Table("act_ru_authorization", "id_", "resource_id_ = ANY(:S) OR root_proc_inst_id_ = ANY(:R)"));

  /** Values written differently in each copy, by table and column. */
  private static final Map<String, String> SHIFTED = Map.of(
      "act_ru_job.duedate_", "CASE WHEN type_ = 'timer' THEN duedate_ + interval '10 years' ELSE duedate_ END",
      "act_ru_task.due_date_", "due_date_ + ((clone.g % 61) - 30) * interval '1 day'");

  /** How many rows one statement inserts at most. */
  private static final long ROWS_PER_STATEMENT = 500_000;
  /** The connections that write copies at once: one per core. */
  private static final int WRITERS = 2;

  /** One table's template rows and the expression of each column in a copy. */
  private record Copy(String table, String keys, long rows, Map<String, String> columns) {}

  private final List<Copy> copies;
  private final long rowsPerCopy;
  private final int parcoursPerCopy;
  private long copied;

  private Cloner(List<Copy> copies, int parcoursPerCopy) {
    this.copies = copies;
    this.parcoursPerCopy = parcoursPerCopy;
    this.rowsPerCopy = copies.stream().mapToLong(Copy::rows).sum();
  }

  /**
   * The template of the given root process instances, as they stand now; one copy in 10 in {@code homeStructure},
   * the others spread over every other structure but {@link Fixtures#SMALL_STRUCTURE}.
   */
  static Cloner of(Connection db, Collection<String> roots, String homeStructure) throws SQLException {
    List<String> others = strings(db, "SELECT id_ FROM act_id_group WHERE type_ = 'STRUCTURE' AND id_ NOT IN ('" + homeStructure
        + "', '" + Fixtures.SMALL_STRUCTURE + "') ORDER BY id_");
    return of(db, roots, "CASE WHEN clone.g % 10 = 0 THEN '" + homeStructure + "' ELSE (" + array(others) + ")[1 + clone.g % "
        + others.size() + "] END", 0);
  }

  /** The same templates with every copy in {@code structure}, numbered apart from the copies of {@link #of}. */
  static Cloner allInto(Connection db, Collection<String> roots, String structure) throws SQLException {
    return of(db, roots, "'" + structure + "'", 1_000_000_000L);
  }

  private static Cloner of(Connection db, Collection<String> roots, String structure, long numberedAfter) throws SQLException {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put(":R", array(roots));
    sets.put(":P", array(strings(db, "SELECT id_ FROM act_hi_procinst WHERE root_proc_inst_id_ = ANY(" + sets.get(":R") + ")")));
    sets.put(":T", array(strings(db, "SELECT id_ FROM act_hi_taskinst WHERE root_proc_inst_id_ = ANY(" + sets.get(":R") + ")")));
    List<String> parcoursIds = strings(db, "SELECT DISTINCT business_key_ FROM act_hi_procinst WHERE business_key_ IS NOT NULL"
        + " AND root_proc_inst_id_ = ANY(" + sets.get(":R") + ")");
    sets.put(":K", array(parcoursIds));
    Set<String> ids = new LinkedHashSet<>(roots);
    ids.addAll(parcoursIds);
    Map<Table, List<String>> keys = new LinkedHashMap<>();
    for (Table table : TABLES) {
      sets.put(":S", array(ids));
      List<String> tableKeys = strings(db, "SELECT " + table.key() + "::text FROM " + table.name() + " WHERE " + expand(table.where(), sets));
      keys.put(table, tableKeys);
      if (!table.key().equals("id")) {
        ids.addAll(tableKeys);
      }
    }
    String idArray = array(ids);
    List<Copy> copies = new ArrayList<>();
    for (Map.Entry<Table, List<String>> entry : keys.entrySet()) {
      if (!entry.getValue().isEmpty()) {
        copies.add(copy(db, entry.getKey(), entry.getValue(), idArray, structure));
      }
    }
    Cloner cloner = new Cloner(copies, roots.size());
    cloner.copied = numberedAfter;
    return cloner;
  }

  long rowsPerCopy() {
    return rowsPerCopy;
  }

  /** One copy holds a copy of each template (each root instance). */
  int parcoursPerCopy() {
    return parcoursPerCopy;
  }

  /**
   * Inserts {@code count} more copies, numbered after the ones already made, through {@value #WRITERS}
   * connections at once. A table that at least doubles has its indexes (but those of its keys and unique
   * constraints) dropped first and built again after: faster than updating them row by row.
   */
  void add(Connections connections, long count, Progress progress) throws Exception {
    long first = copied + 1;
    long last = copied + count;
    long perStatement = Math.max(1, ROWS_PER_STATEMENT / Math.max(1, rowsPerCopy));
    try (Connection db = connections.open(); Statement statement = db.createStatement()) {
      List<String> indexes = dropIndexesOfDoubledTables(db, count);
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      AtomicLong done = new AtomicLong();
      List<Future<?>> chunks = new ArrayList<>();
      for (long from = first; from <= last; from += perStatement) {
        long chunkFirst = from;
        long chunkLast = Math.min(last, from + perStatement - 1);
        chunks.add(writers.submit(() -> {
          write(connections, chunkFirst, chunkLast);
          progress.copied(done.addAndGet(chunkLast - chunkFirst + 1), count);
          return null;
        }));
      }
      try {
        for (Future<?> chunk : chunks) {
          chunk.get();
        }
      } finally {
        writers.shutdownNow();
      }
      statement.execute("SET maintenance_work_mem = '1GB'");
      for (String index : indexes) {
        statement.execute(index);
      }
      progress.indexed(indexes.size());
    }
    copied = last;
  }

  /** The copies numbered {@code from} to {@code to}, in every table. */
  private void write(Connections connections, long from, long to) throws SQLException {
    try (Connection db = connections.open(); Statement statement = db.createStatement()) {
      // the copies keep every reference by construction: no trigger checks them one by one
      statement.execute("SET session_replication_role = replica");
      for (Copy copy : copies) {
        statement.executeUpdate("INSERT INTO " + copy.table() + " (" + String.join(", ", copy.columns().keySet()) + ") SELECT "
            + String.join(", ", copy.columns().values()) + " FROM " + copy.table() + " CROSS JOIN generate_series(" + from + ", "
            + to + ") AS clone(g) WHERE " + copy.keys());
      }
    }
  }

  /** Drops the indexes of the tables that {@code count} copies at least double; answers how to build them again. */
  private List<String> dropIndexesOfDoubledTables(Connection db, long count) throws SQLException {
    List<String> indexes = new ArrayList<>();
    try (Statement statement = db.createStatement()) {
      for (Copy copy : copies) {
        long rows = Long.parseLong(strings(db, "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE relname = '" + copy.table() + "'").get(0));
        if (copy.rows() * count < rows) {
          continue;
        }
        for (List<String> index : rows(db, "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname"
            + " JOIN pg_index x ON x.indexrelid = c.oid WHERE i.tablename = '" + copy.table() + "' AND NOT x.indisunique")) {
          statement.execute("DROP INDEX " + index.get(0));
          indexes.add(index.get(1));
        }
      }
    }
    return indexes;
  }

  /** Where the copies are written: a new connection to the database each time. */
  interface Connections {
    Connection open() throws SQLException;
  }

  interface Progress {
    void copied(long done, long total);

    default void indexed(int indexes) {}
  }

  private static Copy copy(Connection db, Table table, List<String> keys, String ids, String structure) throws SQLException {
    String keyFilter = table.key() + "::text = ANY(" + array(keys) + ")";
    Map<String, String> types = new LinkedHashMap<>();
    for (List<String> column : rows(db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '"
        + table.name() + "' AND is_identity = 'NO' ORDER BY ordinal_position")) {
      types.put(column.get(0), column.get(1));
    }
    List<String> texts = types.entrySet().stream().filter(type -> type.getValue().startsWith("char") || type.getValue().equals("text"))
        .map(Map.Entry::getKey).toList();
    // which text columns hold an id or a structure in the template's rows
    String probes = texts.stream().map(column -> "bool_or(" + column + "::text = ANY(" + ids + ")), bool_or(" + column
        + "::text LIKE 'structure-%')").collect(Collectors.joining(", "));
    List<String> found = texts.isEmpty() ? List.of() : rows(db, "SELECT " + probes + " FROM " + table.name() + " WHERE " + keyFilter).get(0);
    Map<String, String> columns = new LinkedHashMap<>();
    for (String column : types.keySet()) {
      int text = texts.indexOf(column);
      boolean hasId = text >= 0 && "t".equals(found.get(2 * text));
      boolean hasStructure = text >= 0 && "t".equals(found.get(2 * text + 1));
      String expression = SHIFTED.getOrDefault(table.name() + "." + column, column);
      if (hasId || hasStructure) {
        expression = "CASE"
            + (hasId ? " WHEN " + column + "::text = ANY(" + ids + ") THEN md5(" + column + "::text || ':' || clone.g)::uuid::text" : "")
            + (hasStructure ? " WHEN " + column + "::text LIKE 'structure-%' THEN " + structure : "")
            + " ELSE " + column + " END";
      }
      columns.put(column, expression);
    }
    return new Copy(table.name(), keyFilter, keys.size(), columns);
  }

  private static String expand(String where, Map<String, String> sets) {
    String sql = where;
    for (Map.Entry<String, String> set : sets.entrySet()) {
      sql = sql.replace(set.getKey(), set.getValue());
    }
    return sql;
  }

  /** A text array literal; the values are ids, parcours ids and group ids, which hold no quote. */
  private static String array(Collection<String> values) {
    return values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(",", "ARRAY[", "]::text[]"));
  }

  private static List<String> strings(Connection db, String sql) throws SQLException {
    return rows(db, sql).stream().map(row -> row.get(0)).toList();
  }

  private static List<List<String>> rows(Connection db, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
