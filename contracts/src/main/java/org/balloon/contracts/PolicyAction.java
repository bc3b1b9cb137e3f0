package org.balloon.contracts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.balloon.contracts.validation.IsoCountry;
import org.balloon.contracts.validation.PlausibleDate;
import org.balloon.contracts.validation.StorableText;

/**
 * A counter-narcotics policy action, as posted by an analyst and as published on
 * {@link Topics#POLICY_ACTIONS}. Field names and meanings are fixed by DESIGN.md.
 *
 * <p>{@code id}, {@code receivedAt} and {@code schemaVersion} are set by the events service;
 * in a submission they are absent. Every optional field may be {@code null}, which means
 * "not stated" (not "false" or "zero").
 *
 * <p>Added for model 2026.2, optional and additive (absent = not stated): {@code partnerOfficialTarget}
 * (is the target a serving or former official of the partner state? e.g. {@code FORMER_OFFICIAL} for
 * the 2020 arrest of Mexico's former defence secretary Salvador Cienfuegos in Los Angeles) and
 * {@code partnerInformedBeforehand} (was the partner state told before the action? e.g. {@code false}
 * for that arrest, of which Mexico's government said it had not been told).
 *
 * <p>The constraints are DESIGN.md's, declared here once so that every service that accepts an
 * action (intake, preview, the stream's own check) applies the same ones.
 */
public record PolicyAction(
        UUID id,
        Integer schemaVersion,
        Instant receivedAt,
        @NotBlank @Size(max = 200) @StorableText String title,
        @NotNull ActionType type,
        @NotNull @IsoCountry String targetCountry,
        @NotNull @PlausibleDate LocalDate occurredOn,
        @Size(max = 5000) @StorableText String description,
        Stage stage,
        Agency leadAgency,
        @Size(max = 20) List<@NotNull Agency> agencies,
        Theater theater,
        @Size(max = 50) List<@NotBlank @Size(max = 200) @StorableText String> targetOrganizations,
        @Size(max = 20) List<@NotNull Substance> substances,
        PartnerConsent partnerConsent,
        Boolean lethalForce,
        @PositiveOrZero Integer fatalities,
        Boolean civilianHarmReported,
        @DecimalMin("0") @DecimalMax("1") Double demandSideShare,
        Boolean alternativeLivelihoods,
        @PositiveOrZero Double budgetUsd,
        @PositiveOrZero @Max(1200) Integer durationMonths,
        LegalBasis legalBasis,
        @Size(max = 50) List<@NotNull @StorableText @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> sources,
        PartnerOfficialTarget partnerOfficialTarget,
        Boolean partnerInformedBeforehand) {

    /**
     * The version of this record's JSON shape that this code writes. A compatible change (an
     * optional field added) bumps it on the same topic; readers read every version from
     * {@link #FIRST_SCHEMA_VERSION} on and skip fields they do not know. An incompatible change
     * needs a new topic (balloon.policy-actions.v2). See contracts/README.md.
     */
    public static final int SCHEMA_VERSION = 1;
    /** The first version of this topic (v1); a reader refuses anything below it. */
    public static final int FIRST_SCHEMA_VERSION = 1;

    /**
     * The fields DESIGN.md lists (the shape before model 2026.2 added {@code partnerOfficialTarget}
     * and {@code partnerInformedBeforehand}); the added fields stay "not stated". Kept so that code
     * written against that shape still compiles: the additions are optional, as the contract requires.
     */
    public PolicyAction(UUID id, Integer schemaVersion, Instant receivedAt, String title, ActionType type,
            String targetCountry, LocalDate occurredOn, String description, Stage stage, Agency leadAgency,
            List<Agency> agencies, Theater theater, List<String> targetOrganizations, List<Substance> substances,
            PartnerConsent partnerConsent, Boolean lethalForce, Integer fatalities, Boolean civilianHarmReported,
            Double demandSideShare, Boolean alternativeLivelihoods, Double budgetUsd, Integer durationMonths,
            LegalBasis legalBasis, List<String> sources) {
        this(id, schemaVersion, receivedAt, title, type, targetCountry, occurredOn, description, stage, leadAgency,
                agencies, theater, targetOrganizations, substances, partnerConsent, lethalForce, fatalities,
                civilianHarmReported, demandSideShare, alternativeLivelihoods, budgetUsd, durationMonths, legalBasis,
                sources, null, null);
    }
}
