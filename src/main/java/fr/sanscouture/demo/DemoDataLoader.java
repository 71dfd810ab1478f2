package fr.sanscouture.demo;

import fr.sanscouture.parcours.ParcoursService;
import fr.sanscouture.territory.Territory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo accounts and parcours into the embedded default, once: an engine property records
 * that they were loaded, so a restart on the same database adds nothing.
 */
@Component
@Profile("default")
@EnableConfigurationProperties(DemoData.class)
class DemoDataLoader {

  static final String LOADED_PROPERTY = "sans-couture.demo-loaded";
  private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

  private final DemoData demo;
  private final Territory territory;
  private final IdentityService identityService;
  private final ManagementService managementService;
  private final ParcoursService parcoursService;
  private final DemoJourney journey;

  DemoDataLoader(DemoData demo, Territory territory, IdentityService identityService,
      ManagementService managementService, ParcoursService parcoursService, DemoJourney journey) {
    this.demo = demo;
    this.territory = territory;
    this.identityService = identityService;
    this.managementService = managementService;
    this.parcoursService = parcoursService;
    this.journey = journey;
  }

  @EventListener(PostDeployEvent.class)
  @Order(1)
  void loadOnce() {
    if (managementService.getProperties().containsKey(LOADED_PROPERTY)) {
      return;
    }
    demo.users().forEach(this::createUser);
    demo.parcours().forEach(this::enter);
    managementService.setProperty(LOADED_PROPERTY, "true");
    LOG.info("Demo data loaded: {} accounts, {} parcours", demo.users().size(), demo.parcours().size());
  }

  /** Starts and advances the parcours on the engine's clock turned back to its entry day; its past deadlines fire once the job executor starts. */
  private void enter(DemoData.DemoParcours parcours) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(parcours.enteredDaysAgo()))));
    try {
      String parcoursId = parcoursService.start(parcours.toNewParcours()).parcoursId();
      journey.advance(parcoursId, parcours.stage() == null ? DemoStage.RECEPTION : parcours.stage());
    } finally {
      ClockUtil.reset();
    }
  }

  private void createUser(DemoData.DemoUser account) {
    User user = identityService.newUser(account.id());
    user.setFirstName(account.firstName());
    user.setLastName(account.lastName());
    user.setEmail(account.email());
    user.setPassword(demo.password());
    identityService.saveUser(user);
    identityService.createMembership(account.id(), account.role().groupId());
    if (account.structure() != null) {
      identityService.createMembership(account.id(), territory.organisation(account.structure()).groupId());
    }
    if (account.bassin() != null) {
      identityService.createMembership(account.id(), territory.area(account.bassin()).groupId());
    }
  }
}
