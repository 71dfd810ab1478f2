package fr.sanscouture.territory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The territory the service runs on (territory.yaml): its employment areas, the postcodes of their
 * communes and the organisations serving them. Checked when the application starts, so that every
 * person's postcode leads to one area and every area to one organisation of each core type.
 */
@ConfigurationProperties("sans-couture.territory")
public record Territory(
    String departmentCode,
    String departmentName,
    ZoneId timeZone,
    List<EmploymentArea> employmentAreas,
    List<Organisation> organisations) {

  private static final String AREA_GROUP_PREFIX = "bassin-";
  private static final String ORGANISATION_GROUP_PREFIX = "structure-";

  /** A bassin d'emploi. */
  public record EmploymentArea(String code, String name, List<String> postcodes) {
    public String groupId() {
      return AREA_GROUP_PREFIX + code;
    }
  }

  /** A structure; its members form the Camunda group of {@link #groupId()}. */
  public record Organisation(String code, OrganisationType type, String name, List<String> employmentAreas) {
    public String groupId() {
      return ORGANISATION_GROUP_PREFIX + code;
    }

    /** Whether it is of the type and serves the area. */
    public boolean serves(OrganisationType type, String areaCode) {
      return this.type == type && employmentAreas.contains(areaCode);
    }
  }

  public Territory {
    employmentAreas = List.copyOf(employmentAreas);
    organisations = List.copyOf(organisations);
    checkPostcodesBelongToOneArea(employmentAreas);
    checkOrganisationsServeKnownAreas(employmentAreas, organisations);
    checkCoreTypesCoverEveryArea(employmentAreas, organisations);
  }

  /** Today on the territory, by the engine's clock (which tests drive). */
  public LocalDate today() {
    return dayOf(ClockUtil.getCurrentTime());
  }

  /** The day an instant falls on, on the territory. */
  public LocalDate dayOf(Date instant) {
    return LocalDate.ofInstant(instant.toInstant(), timeZone);
  }

  /** The instant a day and a time of day make on the territory. */
  public Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(timeZone).toInstant());
  }

  /** The instant a period after another, counted in the territory's calendar (months have their length there). */
  public Date after(Date instant, java.time.Period period) {
    return Date.from(instant.toInstant().atZone(timeZone).plus(period).toInstant());
  }

  public Optional<EmploymentArea> areaOfPostcode(String postcode) {
    return employmentAreas.stream().filter(area -> area.postcodes().contains(postcode)).findFirst();
  }

  public EmploymentArea area(String code) {
    return employmentAreas.stream()
        .filter(area -> area.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown employment area " + code));
  }

  public Organisation organisation(String code) {
    return organisationByGroupId(ORGANISATION_GROUP_PREFIX + code);
  }

  public boolean isOrganisationGroup(String groupId) {
    return findByGroupId(groupId).isPresent();
  }

  public Organisation organisationByGroupId(String groupId) {
    return findByGroupId(groupId).orElseThrow(() -> new IllegalArgumentException("Unknown organisation group " + groupId));
  }

  private Optional<Organisation> findByGroupId(String groupId) {
    return organisations.stream().filter(organisation -> organisation.groupId().equals(groupId)).findFirst();
  }

  /** The organisation of a core type that serves an area; the territory check makes it unique. */
  public Organisation organisationServing(OrganisationType type, String areaCode) {
    return findServing(type, areaCode)
        .orElseThrow(() -> new IllegalArgumentException("No " + type + " organisation serves " + areaCode));
  }

  /** The first organisation of a type that serves an area, if any does. */
  public Optional<Organisation> findServing(OrganisationType type, String areaCode) {
    return organisations.stream().filter(organisation -> organisation.serves(type, areaCode)).findFirst();
  }

  /** What a user is told when they pick a type of structure that does not serve the person's area. */
  public String noneServing(OrganisationType type, String areaCode) {
    return "Aucune structure de ce type ne couvre le bassin " + area(areaCode).name() + " : " + type;
  }

  private static void checkPostcodesBelongToOneArea(List<EmploymentArea> areas) {
    Map<String, String> areaOfPostcode = new HashMap<>();
    for (EmploymentArea area : areas) {
      for (String postcode : area.postcodes()) {
        String other = areaOfPostcode.put(postcode, area.code());
        if (other != null) {
          throw new IllegalArgumentException("Postcode " + postcode + " is in both " + other + " and " + area.code());
        }
      }
    }
  }

  private static void checkOrganisationsServeKnownAreas(List<EmploymentArea> areas, List<Organisation> organisations) {
    Set<String> codes = areas.stream().map(EmploymentArea::code).collect(Collectors.toSet());
    for (Organisation organisation : organisations) {
      if (organisation.employmentAreas().isEmpty() || !codes.containsAll(organisation.employmentAreas())) {
        throw new IllegalArgumentException("Organisation " + organisation.code() + " serves unknown areas "
            + organisation.employmentAreas());
      }
    }
  }

  private static void checkCoreTypesCoverEveryArea(List<EmploymentArea> areas, List<Organisation> organisations) {
    for (OrganisationType type : OrganisationType.values()) {
      if (!type.coversEveryArea()) {
        continue;
      }
      for (EmploymentArea area : areas) {
        long serving = organisations.stream().filter(organisation -> organisation.serves(type, area.code())).count();
        if (serving != 1) {
          throw new IllegalArgumentException(
              "Area " + area.code() + " must be served by exactly one " + type + " organisation, found " + serving);
        }
      }
    }
  }
}
