package fr.sanscouture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A person's completion that collides with another change of the same instance (a background job's)
 * is run again, not refused: the person sees their task done.
 */
class CollisionRetriesIntegrationTest extends PostgresIntegrationTest {

  private static final String MODEL = "collision-test";
  private static final String WORKER = "collision-referent";
  private static final String GROUP = "structure-dept-grand-avignon";
  private static final AtomicInteger COMPLETIONS = new AtomicInteger();

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  private String deployment;

  /**
   * Its first run collides: meanwhile, another transaction changes the instance (as the invitation job
   * does when it commits first), so the completion's own changes fail on the instance's new revision.
   */
  public static class CollidesOnce implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      if (COMPLETIONS.incrementAndGet() == 1) {
        RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
        Thread meanwhile = new Thread(() -> {
          runtime.suspendProcessInstanceById(task.getProcessInstanceId());
          runtime.activateProcessInstanceById(task.getProcessInstanceId());
        });
        meanwhile.start();
        try {
          meanwhile.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /**
   * Its first run finds the execution's parent gone, as when the invitation's parallel branch ends and
   * the engine removes an execution this completion had read: the engine's own failure, raised here
   * with the engine's message since the engine offers no way to stop a command between its two reads.
   */
  public static class ParentGoneOnce implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      if (COMPLETIONS.incrementAndGet() == 1) {
        throw new ProcessEngineException(CollisionRetries.PARENT_GONE + " '" + task.getExecutionId() + "' of execution '"
            + task.getExecutionId() + "', perhaps it was deleted in the meantime");
      }
    }
  }

  @BeforeEach
  void account() {
    account(WORKER, "role-referent", GROUP, "bassin-grand-avignon");
    COMPLETIONS.set(0);
  }

  private void deploy(Class<? extends TaskListener> onComplete) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(MODEL).camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Work").camundaCandidateGroups(GROUP).camundaFormRef("collision-test")
        .camundaFormRefBinding("latest").camundaDueDate("P1D")
        .camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, onComplete)
        .endEvent().done();
    deployment = repositoryService.createDeployment().addModelInstance(MODEL + ".bpmn", model).deploy().getId();
  }

  @AfterEach
  void removeModel() {
    repositoryService.deleteDeployment(deployment, true);
  }

  @Test
  void aCompletionThatCollidesIsRunAgainAndSucceeds() {
    deploy(CollidesOnce.class);
    completedAtTheSecondRun();
  }

  @Test
  void aCompletionWhoseExecutionLostItsParentIsRunAgainAndSucceeds() {
    deploy(ParentGoneOnce.class);
    completedAtTheSecondRun();
  }

  private void completedAtTheSecondRun() {
    String instance = runtimeService.startProcessInstanceByKey(MODEL).getId();
    String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();

    ResponseEntity<String> answer = http.withBasicAuth(WORKER, PASSWORD)
        .postForEntity("/engine-rest/task/" + task + "/complete", java.util.Map.of(), String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    assertThat(COMPLETIONS).hasValue(2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }
}
