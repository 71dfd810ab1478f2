package fr.sanscouture.parcours;

/** A parcours just started: its id (the business key), its process instance and where it is received. */
public record StartedParcours(String parcoursId, String processInstanceId, String employmentArea,
    String receptionOrganisation) {}
