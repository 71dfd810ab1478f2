package fr.sanscouture;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import fr.sanscouture.territory.Territory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Sans Couture: the workflow of the seamless insertion parcours. A process application, so that the
 * models of {@code processes/} and the forms of {@code forms/} deploy together as one named deployment
 * (see {@code META-INF/processes.xml}).
 */
@SpringBootApplication
@EnableProcessApplication("sans-couture")
@EnableConfigurationProperties(Territory.class)
public class SansCoutureApplication {

  public static void main(String[] args) {
    SpringApplication.run(SansCoutureApplication.class, args);
  }
}
