package org.balloon.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A counter-narcotics policy action, as posted by an analyst and as published on
 * {@link Topics#POLICY_ACTIONS}. Field names and meanings are fixed by DESIGN.md.
 *
 * <p>{@code id}, {@code receivedAt} and {@code schemaVersion} are set by the events service;
 * in a submission they are absent. Every optional field may be {@code null}, which means
 * "not stated" (not "false" or "zero").
 */
public record PolicyAction(
        UUID id,
        Integer schemaVersion,
        Instant receivedAt,
        String title,
        ActionType type,
        String targetCountry,
        LocalDate occurredOn,
        String description,
        Stage stage,
        Agency leadAgency,
        List<Agency> agencies,
        Theater theater,
        List<String> targetOrganizations,
        List<Substance> substances,
        PartnerConsent partnerConsent,
        Boolean lethalForce,
        Integer fatalities,
        Boolean civilianHarmReported,
        Double demandSideShare,
        Boolean alternativeLivelihoods,
        Double budgetUsd,
        Integer durationMonths,
        LegalBasis legalBasis,
        List<String> sources) {

    /** The version of this record's JSON shape; bumped on any incompatible change. */
    public static final int SCHEMA_VERSION = 1;
}
