package fr.sanscouture.bench;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * The benchmark's own beans, added to the application's context by {@link BenchApp} (no annotation, so
 * that no test context scans it): the application's data source, wrapped to count statements.
 */
class BenchConfig {

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static StatementCounter statementCounter() {
    return new StatementCounter();
  }

  @Bean
  static BeanPostProcessor countingDataSource(StatementCounter counter) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && name.equals("dataSource")
            ? ProxyDataSourceBuilder.create(dataSource).name("bench").listener(counter).build()
            : bean;
      }
    };
  }
}
