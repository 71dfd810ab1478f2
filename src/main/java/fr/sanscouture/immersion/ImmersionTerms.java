package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;
import static fr.sanscouture.immersion.ImmersionRules.DAY;

import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.territory.Territory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;

/** The terms of an agreement as the mails and the signature pages show them, from the immersion's variables. */
final class ImmersionTerms {

  private ImmersionTerms() {}

  static Map<String, Object> of(VariableMap variables, Territory territory) {
    Map<String, Object> terms = new HashMap<>();
    terms.put("personName", ParcoursProcess.personName(variables));
    terms.put("companyName", variables.get(COMPANY_NAME.getName()));
    terms.put("companySiret", variables.get(COMPANY_SIRET.getName()));
    terms.put("tutorName", variables.get(TUTOR_NAME.getName()));
    terms.put("job", variables.get(JOB.getName()));
    terms.put("objective", ImmersionObjective.valueOf((String) variables.get(OBJECTIVE.getName())).label());
    terms.put("start", LocalDate.parse((String) variables.get(START.getName())).format(DAY));
    terms.put("end", LocalDate.parse((String) variables.get(END.getName())).format(DAY));
    terms.put("weeklyHours", ((Number) variables.get(WEEKLY_HOURS)).intValue());
    terms.put("prescriber", territory.organisationByGroupId((String) variables.get(PRESCRIBER.getName())).name());
    terms.put("accompanying", Boolean.TRUE.equals(variables.get(ACCOMPANYING_SIGNS.getName()))
        ? territory.organisationByGroupId((String) variables.get(OrientationProcess.LEAD_ORGANISATION.getName())).name() : null);
    return terms;
  }
}
