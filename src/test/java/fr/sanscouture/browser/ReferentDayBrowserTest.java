package fr.sanscouture.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.identity.Directory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * A référent's day and a pilote's look, in headless Chromium, on the embedded default with its demo
 * data: Tasklist and Cockpit in French, the task list, a reception task's Camunda Form, the parcours
 * timeline beside a task, the SLA dashboard. Screenshots in {@code target/browser-screenshots}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:browser-test;DB_CLOSE_DELAY=-1")
class ReferentDayBrowserTest {

  private static final String DEMO_PASSWORD = "Demo-2026!";
  private static final String REFERENT = "claire.martin";
  private static final String PERSON = "Amina Diallo";
  private static final int CAPTURED_MAIL_PORT = TestSocketUtils.findAvailableTcpPort();

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired Directory directory;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void capturedMailPort(DynamicPropertyRegistry registry) {
    registry.add("sans-couture.captured-mail.port", () -> CAPTURED_MAIL_PORT);
  }

  @Test
  void aReferentWorksAReceptionTaskInFrenchAndReadsTheParcoursBesideIt() {
    try (Browser browser = new Browser()) {
      browser.open(tasklist());
      browser.withText("button", "Se connecter");
      assertThat(browser.visible(By.cssSelector("input[type=password]")).getAttribute("placeholder")).isEqualTo("Mot de passe");
      browser.screenshot("01-tasklist-login");
      browser.login(REFERENT, DEMO_PASSWORD);

      // the structure's tasks: exactly those the engine lets the référent see, and not all of them
      browser.click(By.partialLinkText("Ma structure"));
      List<String> visible = tasksOf(REFERENT);
      assertThat(visible).isNotEmpty();
      assertThat(taskService.createTaskQuery().count()).isGreaterThan(visible.size());
      browser.until(driver -> browser.texts(By.cssSelector("h4.task a")).stream().sorted().toList()
          .equals(visible.stream().sorted().toList()));
      browser.screenshot("02-tasklist-my-structure");

      // the reception task's form, in French
      browser.click("a", "Planifier l'accueil – " + PERSON);
      browser.withText("h3", "Rendez-vous d'accueil de " + PERSON);
      assertThat(browser.texts(By.cssSelector(".nav-tabs li a"))).contains("Formulaire", "Historique", "Diagramme", "Parcours");
      browser.click("button", "Prendre");
      browser.click("button", "Terminer");
      browser.until(driver -> browser.texts(By.cssSelector(".fjs-form-field-error")).contains("Ce champ est obligatoire."));
      browser.screenshot("03-form-required-fields");

      // French dates (day first); an appointment in the past is refused by the application, in French
      assertThat(browser.field("Date du rendez-vous").getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
      assertThat(browser.driver.findElements(By.cssSelector(".flatpickr-monthDropdown-month")))
          .extracting(month -> month.getAttribute("textContent")).contains("janvier", "décembre").doesNotContain("January");
      fillAppointment(browser, LocalDate.now().minusDays(2));
      browser.click("button", "Terminer");
      browser.until(driver -> browser.texts(By.cssSelector(".notifications .alert, [notifications-panel] .alert")).stream()
          .anyMatch(text -> text.contains("Le rendez-vous d'accueil doit être à venir.") && !text.contains("ENGINE-")));
      browser.screenshot("04-form-refused");

      // a valid appointment completes the task; the reception itself comes next
      fillAppointment(browser, LocalDate.now().plusDays(7));
      browser.click("button", "Terminer");
      browser.until(driver -> browser.texts(By.cssSelector("h4.task a")).contains("Accueil – " + PERSON));
      assertThat(browser.texts(By.cssSelector("h4.task a"))).doesNotContain("Planifier l'accueil – " + PERSON);
      browser.screenshot("05-next-task");

      // the timeline beside the next task: the step just done, by whom, and the structure in charge
      browser.click("a", "Accueil – " + PERSON);
      browser.click("a", "Parcours");
      browser.visible(By.cssSelector(".parcours-timeline .timeline-list"));
      List<String> steps = browser.texts(By.cssSelector(".parcours-timeline .timeline-section:first-of-type li"));
      assertThat(steps).anySatisfy(step -> assertThat(step).contains("Accueil").contains("en cours"));
      assertThat(steps).anySatisfy(step -> assertThat(step).contains("Planifier l'accueil – " + PERSON)
          .contains("terminé le").contains("par Claire Martin"));
      assertThat(browser.visible(By.cssSelector(".timeline-summary")).getText()).contains(PERSON).contains("Structure en charge");
      browser.screenshot("06-tasklist-timeline");
    }
  }

  @Test
  void aPiloteOpensTheSlaDashboardInFrenchCockpit() {
    try (Browser browser = new Browser()) {
      browser.open("http://localhost:" + port + "/camunda/app/cockpit/default/");
      browser.login("sylvie.fontaine", DEMO_PASSWORD);
      browser.driver.executeScript("arguments[0].scrollIntoView()", browser.withText("h3", "Délais du parcours"));
      browser.until(driver -> !browser.texts(By.cssSelector(".sla-table tbody tr")).isEmpty());
      assertThat(browser.texts(By.cssSelector(".sla-table th"))).contains("Parcours entrés", "Tâches en retard");
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Instances de processus en cours", "Incidents ouverts");
      browser.screenshot("07-cockpit-sla-dashboard");
    }
  }

  private void fillAppointment(Browser browser, LocalDate day) {
    browser.type("Date du rendez-vous", Keys.chord(Keys.CONTROL, "a"), day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.ENTER);
    browser.type("Heure", Keys.chord(Keys.CONTROL, "a"), "10:00", Keys.ENTER);
    browser.type("Lieu du rendez-vous", Keys.chord(Keys.CONTROL, "a"), "EDeS d'Avignon");
  }

  /** The names of the tasks the user may see, as the engine answers the user. */
  private List<String> tasksOf(String userId) {
    identityService.setAuthentication(userId, directory.groupsOf(userId));
    try {
      return taskService.createTaskQuery().list().stream().map(Task::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }
}
