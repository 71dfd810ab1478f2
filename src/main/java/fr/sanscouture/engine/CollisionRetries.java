package fr.sanscouture.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's command — a task completed from Tasklist, a parcours started through the API — that
 * collides with a background job changing the same instance at the same moment (the invitation being
 * sent as the référent plans the appointment: the same rows changed, or the invitation's branch ended
 * and its executions removed) runs again in a new transaction, up to {@value #ATTEMPTS}
 * times, instead of failing: nothing of the failed attempt was stored, and the work that follows a user
 * task's completion (mails, calls to other systems) is after an async boundary. The job executor keeps
 * its own handling of collisions: only commands run for an authenticated person, each in a transaction
 * of its own, are run again.
 */
@Component
class CollisionRetries extends AbstractProcessEnginePlugin {

  static final int ATTEMPTS = 3;
  /** The engine's message (its {@code EnginePersistenceLogger}) for an execution whose parent is gone. */
  static final String PARENT_GONE = "ENGINE-03077 Cannot resolve parent with id";
  private static final Logger LOG = LoggerFactory.getLogger(CollisionRetries.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        // a command inside another, or inside the application's own transaction, is part of it; a job has no person behind it
        if (Context.getCommandContext() != null || TransactionSynchronizationManager.isActualTransactionActive()
            || configuration.getIdentityService().getCurrentAuthentication() == null) {
          return next.execute(command);
        }
        for (int attempt = 1; ; attempt++) {
          try {
            return next.execute(command);
          } catch (ProcessEngineException failure) {
            if (!isCollision(failure) || attempt == ATTEMPTS) {
              throw failure;
            }
            LOG.info("{} collided with another change of the same data; running it again", command.getClass().getSimpleName());
          }
        }
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * A change of the same rows committed first (the engine's optimistic locking), or an execution whose
   * parent a committed change removed after this command read it (ENGINE-03077: a parallel branch that
   * ended, and the engine's tree of executions was made smaller, while the person submitted their form).
   */
  static boolean isCollision(ProcessEngineException failure) {
    // what a listener or a delegate met reaches here wrapped by the engine (ENGINE-03051)
    for (Throwable cause = failure; cause instanceof ProcessEngineException; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause.getMessage() != null && cause.getMessage().startsWith(PARENT_GONE)) {
        return true;
      }
    }
    return false;
  }
}
