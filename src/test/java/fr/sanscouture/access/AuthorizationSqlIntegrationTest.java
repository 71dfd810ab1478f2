package fr.sanscouture.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import java.util.List;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine the application runs is the one whose SQL {@link AuthorizationSql} changed. */
class AuthorizationSqlIntegrationTest extends PostgresIntegrationTest {

  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void theGroupsWorthCheckingAreReadFromTheGroupsNotFromEveryGrant() {
    String sql = mybatis().getMappedStatement("selectAuthorizedGroupIds").getBoundSql(null).getSql();

    assertThat(sql).contains("ACT_ID_GROUP").doesNotContain("ACT_RU_AUTHORIZATION");
  }

  @Test
  void theTaskQueryLooksTheGrantedIdsUpInsteadOfJoiningEveryGrant() {
    // what the engine gives the task query of a référent, as a command of its own builds it
    String sql = engine.getCommandExecutorTxRequired().execute(context -> {
      TaskQueryImpl query = new TaskQueryImpl();
      AuthorizationCheck check = query.getAuthCheck();
      check.setAuthorizationCheckEnabled(true);
      check.setAuthUserId("claire.martin");
      check.setAuthGroupIds(List.of("structure-dept-grand-avignon", "role-referent"));
      check.setPermissionChecks(new PermissionCheckBuilder().disjunctive()
          .atomicCheck(Resources.TASK, "RES.ID_", Permissions.READ)
          .atomicCheck(Resources.PROCESS_DEFINITION, "D.KEY_", ProcessDefinitionPermissions.READ_TASK)
          .build());
      return mybatis().getMappedStatement("selectTaskByQueryCriteria").getBoundSql(query).getSql().replaceAll("\\s+", " ");
    });

    assertThat(sql).contains("RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM", "D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM")
        .doesNotContain("AUTH ON");
    // each set of granted ids is read by the prefix of a unique index: the caller's, then their groups'
    assertThat(sql).contains("A.TYPE_ IN (0, 1) AND A.USER_ID_ IN (", "UNION ALL SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ IN (0, 1) AND A.GROUP_ID_ IN (");
  }

  @Test
  void theInboxsCandidateGroupsAreLookedUpPerTaskInsteadOfJoiningEveryLink() {
    String sql = engine.getCommandExecutorTxRequired().execute(context -> {
      TaskQueryImpl query = (TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupIn(List.of("structure-dept-grand-avignon", "role-referent"))
          .includeAssignedTasks();
      return mybatis().getMappedStatement("selectTaskByQueryCriteria").getBoundSql(query).getSql().replaceAll("\\s+", " ");
    });

    assertThat(sql).contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate'")
        .doesNotContain("join ACT_RU_IDENTITYLINK");
  }

  private Configuration mybatis() {
    return engine.getSqlSessionFactory().getConfiguration();
  }
}
