package fr.sanscouture;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.ProcessEngine;
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

  protected ProcessEngine processEngine;

  /** The class's engine, from its coverage extension. */
  protected abstract ProcessEngine engine();

  /** The map of beans the class gave to {@link ProcessTestSupport#engine}. */
  protected abstract java.util.Map<Object, Object> beans();

  @BeforeEach
  void wireEngine() {
    processEngine = engine();
    ProcessTestSupport.wire(beans(), processEngine, smtp.getSmtp().getPort(), execution -> { });
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
