package fr.sanscouture.parcours;

/** A parcours just started: its id (the business key), its process instance and the person's bassin. */
public record StartedParcours(String parcoursId, String processInstanceId, String employmentArea) {}
