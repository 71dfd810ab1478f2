package fr.sanscouture.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendAgain}: the failed mail's job gets one more try, which resolves its incident; the job
 * executor sends it (under the same Message-ID, once).
 */
@Component("retryFailedMailDelegate")
public class RetryFailedMailDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String jobId = MailFailureProcess.FAILED_JOB_ID.from(execution).get();
    var management = execution.getProcessEngineServices().getManagementService();
    if (management.createJobQuery().jobId(jobId).count() > 0) {
      management.setJobRetries(jobId, 1);
    }
  }
}
