package fr.sanscouture.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the JDBC statements that the web server's threads execute: those of the requests the benchmark
 * sends, one at a time, while the job executor is stopped. A JDBC batch counts as the statements it holds
 * (a batch of 5 inserts counts 5), for the project and its baseline alike; {@link #executions()} counts
 * it once, as one round trip.
 */
final class StatementCounter implements QueryExecutionListener {

  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong executions = new AtomicLong();

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    if (Thread.currentThread().getName().startsWith("http-nio")) {
      statements.addAndGet(execution.isBatch() ? execution.getBatchSize() : queries.size());
      executions.incrementAndGet();
    }
  }

  void reset() {
    statements.set(0);
    executions.set(0);
  }

  long statements() {
    return statements.get();
  }

  long executions() {
    return executions.get();
  }
}
