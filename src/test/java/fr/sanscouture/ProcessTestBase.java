package fr.sanscouture;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every model's scenario test shares: an SMTP server, the application's delegates wired on the
 * class's own engine (see {@link ProcessTestSupport}), the engine's clock on 2 November 2026 at 10:00.
 * Subclasses register their coverage extension and give it here.
 */
public abstract class ProcessTestBase {

  @RegisterExtension
  protected static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  /** The test's SMTP server, for the helpers that read the mails sent. */
  public static GreenMailExtension smtp() {
    return smtp;
  }

  /** The beans of every test engine: the classes run one after the other, each rewiring them. */
  protected static final Map<Object, Object> BEANS = new HashMap<>();

  protected ProcessEngine processEngine;

  /** The class's engine, from its coverage extension. */
  protected abstract ProcessEngine engine();

  /** What the parcours' end listener does in the test; by default nothing. */
  protected ExecutionListener release() {
    return execution -> { };
  }

  @BeforeEach
  void wireEngine() {
    processEngine = engine();
    ProcessTestSupport.wire(BEANS, processEngine, smtp.getSmtp().getPort(), release());
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(ProcessTestSupport.at(2026, 11, 2, 10, 0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected Object historic(String processInstanceId, String name) {
    return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult().getValue();
  }
}
