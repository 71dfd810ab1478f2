package fr.sanscouture.access;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place where the application changes SQL the engine runs: two statements of the engine's
 * authorization checks whose cost grew with the number of grants, that is with every parcours ever
 * started (docs/architecture.md). Each patch replaces an exact passage of one of the engine's MyBatis
 * mapping files, read from the engine's own jar when the engine starts; an engine whose files no longer
 * hold that passage does not start (and {@code AuthorizationSqlTest} fails), so that an upgrade is
 * looked at, not silently run with the engine's SQL.
 *
 * <ul>
 *   <li><b>The task query's authorization</b> joined every task a user may see with every grant of the
 *   user's groups ({@code AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')}), a nested loop of tasks × grants.
 *   It becomes a condition per permission: the task's (or its model's) id among the ids the user is
 *   granted — a set the database builds once, from the caller's own grants read through the engine's
 *   unique indexes, and probes per task — or a grant on every resource
 *   ({@code '*'}). Same grants, same answer. The engine's own SQL is kept where this does not apply:
 *   revoke authorizations in use, composite checks.</li>
 *   <li><b>The groups worth checking</b>: every authenticated command first read the distinct groups
 *   of all authorizations ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}) to leave
 *   out the user's groups that have none. It reads the groups themselves instead, a table that grows
 *   with the territory, not with the parcours: a group without grant then takes part in the checks
 *   and matches nothing.</li>
 * </ul>
 */
public final class AuthorizationSql {

  static final String TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String AUTHORIZATION_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml";

  /** A passage of one of the engine's mapping files, compared word for word whatever the spacing, and what replaces it. */
  record Patch(String resource, String original, String replacement) {

    Pattern passage() {
      return Pattern.compile(Arrays.stream(original.strip().split("\\s+")).map(Pattern::quote).collect(Collectors.joining("\\s+")));
    }
  }

  private static final String FAST_TASK_CHECK = "!authCheck.revokeAuthorizationCheckEnabled"
      + " &amp;&amp; (authCheck.permissionChecks.compositeChecks == null || authCheck.permissionChecks.compositeChecks.size == 0)"
      + " &amp;&amp; authCheck.permissionChecks.atomicChecks != null &amp;&amp; authCheck.permissionChecks.atomicChecks.size > 0";

  /** A grant of one permission check's resource type and permission. */
  private static final String OF_THE_CHECK = "A.RESOURCE_TYPE_ = #{permCheck.resourceType, jdbcType=INTEGER}"
      + " AND ${bitand1}A.PERMS_${bitand2}#{permCheck.perms, jdbcType=INTEGER}${bitand3} = #{permCheck.perms, jdbcType=INTEGER}";

  /** The caller's groups, as a list for {@code IN}. */
  private static final String CALLER_GROUPS = "<foreach item=\"group\" collection=\"authCheck.authGroupIds\""
      + " open=\"(\" separator=\",\" close=\")\">#{group, jdbcType=VARCHAR}</foreach>";

  /** The caller's grants of one permission check, their own, everyone's or their groups'. */
  private static final String GRANTED_TO_CALLER = """
      A.TYPE_ &lt; 2 AND %s
                AND (A.USER_ID_ IN (#{authCheck.authUserId, jdbcType=VARCHAR}, '*')
                <if test="authCheck.authGroupIds != null &amp;&amp; authCheck.authGroupIds.size > 0">
                  OR A.GROUP_ID_ IN %s
                </if>)""".formatted(OF_THE_CHECK, CALLER_GROUPS);

  /**
   * The ids the caller is granted, for one permission check: their own and everyone's grants, then
   * their groups', each branch a prefix of one of the engine's unique indexes ({@code TYPE_, USER_ID_,
   * RESOURCE_TYPE_} and {@code TYPE_, GROUP_ID_, RESOURCE_TYPE_}), so that the database reads these
   * grants only, not every grant of the territory.
   */
  private static final String IDS_GRANTED_TO_CALLER = """
      SELECT A.RESOURCE_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A
                WHERE A.TYPE_ IN (0, 1) AND A.USER_ID_ IN (#{authCheck.authUserId, jdbcType=VARCHAR}, '*') AND %1$s
                <if test="authCheck.authGroupIds != null &amp;&amp; authCheck.authGroupIds.size > 0">
                UNION ALL
                SELECT A.RESOURCE_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A
                WHERE A.TYPE_ IN (0, 1)
                AND A.GROUP_ID_ IN %2$s
                AND %1$s
                </if>""".formatted(OF_THE_CHECK, CALLER_GROUPS);

  static final List<Patch> PATCHES = List.of(
      new Patch(TASK_MAPPING, """
              <if test="!authCheck.revokeAuthorizationCheckEnabled">
                <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
                AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
              </if>
          """, """
              <if test="!authCheck.revokeAuthorizationCheckEnabled &amp;&amp; !(%s)">
                <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
                AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
              </if>
          """.formatted(FAST_TASK_CHECK)),
      new Patch(TASK_MAPPING, """
                <bind name="applyAuthorizationCheckForCaseInstances" value="authCheck.useLeftJoin" />
                <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
          """, """
                <bind name="applyAuthorizationCheckForCaseInstances" value="authCheck.useLeftJoin" />
                <choose>
                  <when test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null &amp;&amp; %s">
                    and (
                    <if test="applyAuthorizationCheckForCaseInstances">(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR</if>
                    <foreach item="permCheck" collection="authCheck.permissionChecks.atomicChecks" separator="OR">
                      ${permCheck.resourceIdQueryParam} IN (%s)
                      OR EXISTS (SELECT A.ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = '*' AND %s)
                    </foreach>
                    )
                  </when>
                  <otherwise>
                    <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
                  </otherwise>
                </choose>
          """.formatted(FAST_TASK_CHECK, IDS_GRANTED_TO_CALLER, GRANTED_TO_CALLER)),
      // the candidate criteria (Tasklist's inbox: the caller's groups) as an EXISTS on the task's links
      // instead of a join, which gave each task once per matching link and so made the database sort
      // every task of the structure (DISTINCT) before taking a page; the join stays for involvedUser
      new Patch(TASK_MAPPING, """
            <if test="query != null &amp;&amp; (query.candidateUser != null || query.candidateGroups != null  || query.candidateGroupLike != null || query.involvedUser != null || query.withCandidateGroups || query.withCandidateUsers)">
              <bind name="I_JOIN" value="true" />
            </if>
          """, """
            <if test="query != null &amp;&amp; query.involvedUser != null">
              <bind name="I_JOIN" value="true" />
            </if>
          """),
      new Patch(TASK_MAPPING, """
                and I.TYPE_ = 'candidate'
          """, """
                and EXISTS (SELECT 1 FROM ${prefix}ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate'
          """),
      new Patch(TASK_MAPPING, """
                <if test="query.withCandidateUsers">
                  and I.USER_ID_ is not null
                </if>
              </trim>
          """, """
                <if test="query.withCandidateUsers">
                  and I.USER_ID_ is not null
                </if>
                )
              </trim>
          """),
      new Patch(AUTHORIZATION_MAPPING, """
            <select id="selectAuthorizedGroupIds" resultType="string">
              SELECT distinct(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A
            </select>
          """, """
            <select id="selectAuthorizedGroupIds" resultType="string">
              SELECT G.ID_ FROM ${prefix}ACT_ID_GROUP G
            </select>
          """));

  private AuthorizationSql() {}

  /** The engine's mapping files that the patches change, patched; each passage must be there exactly once. */
  static Map<String, String> patchedMappings(ClassLoader engine, List<Patch> patches) {
    return patches.stream().map(Patch::resource).distinct().collect(Collectors.toMap(resource -> resource, resource -> {
      String text = read(engine, resource);
      for (Patch patch : patches.stream().filter(p -> p.resource().equals(resource)).toList()) {
        Matcher passage = patch.passage().matcher(text);
        if (!passage.find() || passage.find(passage.end())) {
          throw new IllegalStateException("The engine's " + resource + " no longer holds, exactly once, the passage that "
              + AuthorizationSql.class.getName() + " replaces: look at the engine's new SQL before changing the patch.");
        }
        passage.reset().find();
        text = text.substring(0, passage.start()) + patch.replacement() + text.substring(passage.end());
      }
      return text;
    }));
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No " + resource + " in the engine");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The engine's configuration, whose MyBatis set-up reads the patched mapping files: MyBatis looks
   * mapping resources up through the thread's context class loader first, which answers the patched
   * text for those files and the engine's own for every other.
   */
  static class PatchedEngineConfiguration extends SpringProcessEngineConfiguration {

    @Override
    protected void initSqlSessionFactory() {
      Thread thread = Thread.currentThread();
      ClassLoader engine = thread.getContextClassLoader() != null ? thread.getContextClassLoader() : getClass().getClassLoader();
      Map<String, String> patched = patchedMappings(engine, PATCHES);
      thread.setContextClassLoader(new ClassLoader(engine) {
        @Override
        public InputStream getResourceAsStream(String name) {
          String text = patched.get(name);
          return text != null ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) : super.getResourceAsStream(name);
        }
      });
      try {
        super.initSqlSessionFactory();
      } finally {
        thread.setContextClassLoader(engine);
      }
    }
  }

  /** Takes the place of the Spring Boot starter's engine configuration, with the same plugins. */
  @Configuration
  static class Registration {

    @Bean
    ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
      SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(new PatchedEngineConfiguration());
      configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
      return configuration;
    }
  }
}
