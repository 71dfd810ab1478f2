package fr.sanscouture.parcours;

import fr.sanscouture.territory.Territory;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** The rules of a parcours request that span fields or need the territory. */
@Component
class ParcoursRequestValidator implements Validator {

  static final int MINIMUM_AGE = 16;
  /** No one is born before it: an earlier date is a typing or encoding error. */
  static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  private final Territory territory;

  ParcoursRequestValidator(Territory territory) {
    this.territory = territory;
  }

  @Override
  public boolean supports(Class<?> type) {
    return ParcoursRequest.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    ParcoursRequest request = (ParcoursRequest) target;
    ParcoursRequest.Person person = request.person();
    if (person == null) {
      return;
    }
    if (person.postcode() != null && person.postcode().matches("\\d{5}")
        && territory.areaOfPostcode(person.postcode()).isEmpty()) {
      errors.rejectValue("person.postcode", "territory",
          "n'est pas une commune du territoire (" + territory.departmentName() + ")");
    }
    LocalDate today = territory.today();
    if (person.birthDate() != null && person.birthDate().isBefore(EARLIEST_BIRTH_DATE)) {
      errors.rejectValue("person.birthDate", "earliest", "doit être postérieure au 1er janvier 1900");
    } else if (person.birthDate() != null && person.birthDate().isBefore(today)
        && Period.between(person.birthDate(), today).getYears() < MINIMUM_AGE) {
      errors.rejectValue("person.birthDate", "minimumAge", "la personne doit avoir au moins " + MINIMUM_AGE + " ans");
    }
    if (request.entryChannel() == EntryChannel.CAF && person.cafNumber() == null) {
      errors.rejectValue("person.cafNumber", "required", "est obligatoire pour une entrée par la CAF");
    }
    if (request.entryChannel() == EntryChannel.MSA && person.msaNumber() == null) {
      errors.rejectValue("person.msaNumber", "required", "est obligatoire pour une entrée par la MSA");
    }
    if (request.entryChannel() == EntryChannel.FRANCE_TRAVAIL && person.franceTravailId() == null) {
      errors.rejectValue("person.franceTravailId", "required", "est obligatoire pour une entrée par France Travail");
    }
  }
}
