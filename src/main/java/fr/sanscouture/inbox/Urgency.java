package fr.sanscouture.inbox;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * How urgent a task is, as its priority: the task list sorts by priority, then by due date. A task
 * starts at the engine's default; its reminder makes it {@link #SOON}, its deadline {@link #LATE}.
 */
public enum Urgency {
  NORMAL(50), SOON(75), LATE(100);

  private final int priority;

  Urgency(int priority) {
    this.priority = priority;
  }

  public int priority() {
    return priority;
  }

  /** Raises the task to this urgency; a task already more urgent stays so. */
  public void raise(DelegateTask task) {
    if (task.getPriority() < priority) {
      task.setPriority(priority);
    }
  }
}
