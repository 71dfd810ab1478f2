package fr.sanscouture.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The addresses in Tasklist that mails to users link to. */
@Component
public class TasklistLinks {

  private final String tasklist;

  public TasklistLinks(@Value("${sans-couture.public-url}") String publicUrl) {
    this.tasklist = publicUrl + "/camunda/app/tasklist/default/";
  }

  public String inbox() {
    return tasklist;
  }

  public String task(String taskId) {
    return tasklist + "#/?task=" + taskId;
  }
}
