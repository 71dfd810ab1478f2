package fr.sanscouture.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's mapping files still hold, once each, the passages {@link AuthorizationSql} replaces: an
 * engine upgrade that changes them fails here, before anyone runs the engine's new SQL with the old patch.
 */
class AuthorizationSqlTest {

  @Test
  void everyPassageThePatchesReplaceIsInTheEngineOnce() {
    Map<String, String> patched = AuthorizationSql.patchedMappings(getClass().getClassLoader(), AuthorizationSql.PATCHES);

    assertThat(patched).containsOnlyKeys(AuthorizationSql.TASK_MAPPING, AuthorizationSql.AUTHORIZATION_MAPPING);
    for (AuthorizationSql.Patch patch : AuthorizationSql.PATCHES) {
      assertThat(patch.passage().matcher(patched.get(patch.resource())).find()).as(patch.original()).isFalse();
      assertThat(patched.get(patch.resource())).contains(patch.replacement());
    }
  }

  @Test
  void aPassageTheEngineNoLongerHoldsStopsTheEngine() {
    AuthorizationSql.Patch changed = new AuthorizationSql.Patch(AuthorizationSql.TASK_MAPPING,
        "<select id=\"selectTaskByQueryCriteria\" parameterType=\"org.camunda.bpm.engine.impl.TaskQueryImpl\" resultMap=\"oldMap\">", "");

    assertThatThrownBy(() -> AuthorizationSql.patchedMappings(getClass().getClassLoader(), List.of(changed)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(AuthorizationSql.TASK_MAPPING);
  }
}
