package org.balloon.scoring.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PartnerOfficialTarget;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Stage;
import org.balloon.contracts.Substance;
import org.balloon.contracts.Theater;

/** Test builder for the 26-field PolicyAction record; every optional field starts "not stated". */
public final class ActionBuilder {

    UUID id = UUID.fromString("00000000-0000-4000-8000-000000000001");
    Integer schemaVersion = PolicyAction.SCHEMA_VERSION;
    Instant receivedAt = Instant.parse("2025-10-01T12:00:00Z");
    String title = "test action";
    ActionType type = ActionType.MARITIME_INTERDICTION;
    String targetCountry = "CO";
    LocalDate occurredOn = LocalDate.of(2024, 5, 10);
    String description;
    Stage stage;
    Agency leadAgency;
    List<Agency> agencies;
    Theater theater;
    List<String> targetOrganizations;
    List<Substance> substances;
    PartnerConsent partnerConsent;
    Boolean lethalForce;
    Integer fatalities;
    Boolean civilianHarmReported;
    Double demandSideShare;
    Boolean alternativeLivelihoods;
    Double budgetUsd;
    Integer durationMonths;
    LegalBasis legalBasis;
    List<String> sources;
    PartnerOfficialTarget partnerOfficialTarget;
    Boolean partnerInformedBeforehand;

    public static ActionBuilder action(String title, ActionType type, String country) {
        ActionBuilder b = new ActionBuilder();
        b.title = title;
        b.type = type;
        b.targetCountry = country;
        return b;
    }

    public static ActionBuilder from(PolicyAction a) {
        ActionBuilder b = new ActionBuilder();
        b.id = a.id();
        b.schemaVersion = a.schemaVersion();
        b.receivedAt = a.receivedAt();
        b.title = a.title();
        b.type = a.type();
        b.targetCountry = a.targetCountry();
        b.occurredOn = a.occurredOn();
        b.description = a.description();
        b.stage = a.stage();
        b.leadAgency = a.leadAgency();
        b.agencies = a.agencies();
        b.theater = a.theater();
        b.targetOrganizations = a.targetOrganizations();
        b.substances = a.substances();
        b.partnerConsent = a.partnerConsent();
        b.lethalForce = a.lethalForce();
        b.fatalities = a.fatalities();
        b.civilianHarmReported = a.civilianHarmReported();
        b.demandSideShare = a.demandSideShare();
        b.alternativeLivelihoods = a.alternativeLivelihoods();
        b.budgetUsd = a.budgetUsd();
        b.durationMonths = a.durationMonths();
        b.legalBasis = a.legalBasis();
        b.sources = a.sources();
        b.partnerOfficialTarget = a.partnerOfficialTarget();
        b.partnerInformedBeforehand = a.partnerInformedBeforehand();
        return b;
    }

    public ActionBuilder id(UUID v) { id = v; return this; }
    public ActionBuilder receivedAt(Instant v) { receivedAt = v; return this; }
    public ActionBuilder type(ActionType v) { type = v; return this; }
    public ActionBuilder country(String v) { targetCountry = v; return this; }
    public ActionBuilder occurredOn(LocalDate v) { occurredOn = v; return this; }
    public ActionBuilder description(String v) { description = v; return this; }
    public ActionBuilder stage(Stage v) { stage = v; return this; }
    public ActionBuilder lead(Agency v) { leadAgency = v; return this; }
    public ActionBuilder agencies(Agency... v) { agencies = List.of(v); return this; }
    public ActionBuilder agencies(List<Agency> v) { agencies = v; return this; }
    public ActionBuilder theater(Theater v) { theater = v; return this; }
    public ActionBuilder organizations(String... v) { targetOrganizations = List.of(v); return this; }
    public ActionBuilder organizations(List<String> v) { targetOrganizations = v; return this; }
    public ActionBuilder substances(Substance... v) { substances = List.of(v); return this; }
    public ActionBuilder substances(List<Substance> v) { substances = v; return this; }
    public ActionBuilder consent(PartnerConsent v) { partnerConsent = v; return this; }
    public ActionBuilder lethal(Boolean v) { lethalForce = v; return this; }
    public ActionBuilder fatalities(Integer v) { fatalities = v; return this; }
    public ActionBuilder civilianHarm(Boolean v) { civilianHarmReported = v; return this; }
    public ActionBuilder demandShare(Double v) { demandSideShare = v; return this; }
    public ActionBuilder livelihoods(Boolean v) { alternativeLivelihoods = v; return this; }
    public ActionBuilder budget(Double v) { budgetUsd = v; return this; }
    public ActionBuilder months(Integer v) { durationMonths = v; return this; }
    public ActionBuilder legal(LegalBasis v) { legalBasis = v; return this; }
    public ActionBuilder sources(String... v) { sources = List.of(v); return this; }
    public ActionBuilder official(PartnerOfficialTarget v) { partnerOfficialTarget = v; return this; }
    public ActionBuilder informed(Boolean v) { partnerInformedBeforehand = v; return this; }

    public PolicyAction build() {
        return new PolicyAction(id, schemaVersion, receivedAt, title, type, targetCountry, occurredOn, description, stage,
                leadAgency, agencies, theater, targetOrganizations, substances, partnerConsent, lethalForce, fatalities,
                civilianHarmReported, demandSideShare, alternativeLivelihoods, budgetUsd, durationMonths, legalBasis, sources,
                partnerOfficialTarget, partnerInformedBeforehand);
    }
}
