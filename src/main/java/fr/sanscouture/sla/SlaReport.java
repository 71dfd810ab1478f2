package fr.sanscouture.sla;

import java.time.LocalDate;
import java.util.List;

/** The service-level figures of the parcours entered from one day to another, both included. */
public record SlaReport(LocalDate from, LocalDate to, List<SlaRow> rows) {}
