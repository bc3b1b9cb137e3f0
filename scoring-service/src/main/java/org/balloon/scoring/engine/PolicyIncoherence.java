package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.Rule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PartnerOfficialTarget;
import org.balloon.contracts.Stage;

/** POLICY_INCOHERENCE: inter-agency rivalry, shifting priorities, short horizons. */
public final class PolicyIncoherence extends CriterionModel {

    /** Types whose effect needs years, so a short horizon undoes them. */
    private static final Set<ActionType> SLOW_ACTING = EnumSet.of(ActionType.ALTERNATIVE_DEVELOPMENT,
            ActionType.INSTITUTIONAL_REFORM, ActionType.DEMAND_REDUCTION, ActionType.HARM_REDUCTION,
            ActionType.SECURITY_ASSISTANCE, ActionType.CROP_ERADICATION);

    public PolicyIncoherence() {
        super(Criterion.POLICY_INCOHERENCE,
                "Inter-agency rivalry, shifting priorities and short horizons make US policy inconsistent and undo its gains.",
                Passages.SHIFTING,
                List.of(
                        rule("PI-01", 15, "three or more agencies involved (lead and others)")
                                .firesWhen(f -> f.agencies().size() >= 3)
                                .because("Each additional agency adds to the bureaucratic rivalries that have hampered investigations.", Passages.RIVALRY)
                                .evidence(f -> f.agencies().size() + " agencies: " + f.agencyText()),
                        rule("PI-02", 10, "five or more agencies involved")
                                .firesWhen(f -> f.agencies().size() >= 5)
                                .because("Very crowded operations multiply the inter-agency friction the article describes.", Passages.RIVALRY)
                                .evidence(f -> f.agencies().size() + " agencies involved"),
                        rule("PI-03", 15, "DEA together with DOD, CIA or FBI")
                                .firesWhen(f -> f.involves(Agency.DEA) && f.involvesAny(Agency.DOD, Agency.CIA, Agency.FBI))
                                .because("Rivalries between the DEA and other agencies have historically hampered investigations.", Passages.RIVALRY)
                                .evidence(f -> "DEA alongside " + ActionFacts.list(f.agencies().stream()
                                        .filter(a -> a == Agency.DOD || a == Agency.CIA || a == Agency.FBI).toList())),
                        rule("PI-04", 15, "counterterrorism framing: TERRORIST_DESIGNATION, ARMED_CONFLICT_CLAIM, or DOD lead of a coercive action")
                                .firesWhen(f -> f.typeIs(ActionType.TERRORIST_DESIGNATION) || f.legalBasis() == LegalBasis.ARMED_CONFLICT_CLAIM
                                        || (f.lead() == Agency.DOD && f.typeIn(ActionFacts.SUPPLY_COERCIVE)))
                                .because("Counterterrorism eclipsing counternarcotics shifts priorities and creates inconsistencies.", Passages.SHIFTING)
                                .evidence(f -> "counterterrorism framing (type " + f.type() + ", legal basis "
                                        + (f.legalBasis() == null ? "not stated" : f.legalBasis()) + ", lead " + (f.lead() == null ? "none" : f.lead()) + ")"),
                        rule("PI-05", 20, "slow-acting type (development, reform, demand, assistance, eradication) lasting < 12 months")
                                .firesWhen(f -> f.typeIn(SLOW_ACTING) && f.durationMonths() != null && f.durationMonths() < 12)
                                .because("A short horizon gives only temporary gains that shifting priorities then reverse.", Passages.POLITICAL_CHANGES)
                                .evidence(f -> f.type() + " planned for only " + f.durationMonths() + " months"),
                        rule("PI-06", 10, "durationMonths >= 48 (spans administrations)")
                                .firesWhen(f -> f.durationMonths() != null && f.durationMonths() >= 48)
                                .because("Programmes that outlast administrations are exposed to the political changes that reversed Plan Colombia's gains.",
                                        Passages.POLITICAL_CHANGES)
                                .evidence(f -> f.durationMonths() + " months, beyond one administration"),
                        rule("PI-07", 10, "legalBasis = EXECUTIVE_ORDER")
                                .firesWhen(f -> f.legalBasis() == LegalBasis.EXECUTIVE_ORDER)
                                .because("Policy set by executive order follows partisan divides and can be reversed by the next administration.", Passages.SHIFTING)
                                .evidence(f -> "resting on an executive order"),
                        rule("PI-08", 10, "two or more agencies involved but no lead agency")
                                .firesWhen(f -> f.lead() == null && f.agencies().size() >= 2)
                                .because("Several agencies without a lead is the recipe for the rivalries the article describes.", Passages.RIVALRY)
                                .evidence(f -> "no lead among " + f.agencyText()),
                        rule("PI-09", 5, "stage PROPOSED or ONGOING with no durationMonths stated")
                                .firesWhen(f -> f.stage() != Stage.COMPLETED && f.durationMonths() == null)
                                .because("An open-ended commitment without a stated horizon is easily eclipsed by the next priority.", Passages.SHIFTING)
                                .evidence(f -> f.stage() + " action with no duration stated"),
                        rule("PI-10", -10, "lead agency is ONDCP (mitigating)")
                                .firesWhen(f -> f.lead() == Agency.ONDCP)
                                .because("A coordinating lead counters the bureaucratic rivalries that hamper joint work.", Passages.RIVALRY)
                                .evidence(f -> "coordinated by ONDCP"),
                        // PI-05 already covers < 12 months for every slow-acting type
                        rule("PI-11", 15, "ALTERNATIVE_DEVELOPMENT lasting 12 to 35 months")
                                .firesWhen(f -> f.typeIs(ActionType.ALTERNATIVE_DEVELOPMENT) && f.durationMonths() != null
                                        && f.durationMonths() >= 12 && f.durationMonths() < Displacement.SHORT_DEVELOPMENT_MONTHS)
                                .because("Alternative development on a horizon of one or two years is too short-term to give sustainable alternatives before priorities shift.",
                                        Passages.POLITICAL_CHANGES)
                                .since(ModelRelease.LITERATURE, Literature.SIGAR_2018)
                                .evidence(f -> "alternative development planned for " + f.durationMonths() + " months ("
                                        + Literature.SIGAR_2018.shortName() + ")"),
                        rule("PI-12", 20, "coercive measure (supply-side coercion, sanctions, designation, AML) against a serving official of the partner state")
                                .firesWhen(f -> f.partnerState() && f.partnerOfficialTarget() == PartnerOfficialTarget.SERVING_OFFICIAL
                                        && (f.typeIn(ActionFacts.SUPPLY_COERCIVE) || f.typeIn(ActionFacts.FINANCIAL_COERCION)))
                                .because("Sanctioning or charging the serving leaders of a partner whose forces carry the supply strategy works against that strategy.",
                                        Passages.SHIFTING)
                                .since(ModelRelease.LITERATURE, Literature.TREASURY_2025)
                                .evidence(f -> f.type() + " against a serving official of " + f.country()
                                        + ", the partner the supply strategy relies on"),
                        rule("PI-13", 15, "unilateral (partnerConsent = NONE) MARITIME_ or BORDER_INTERDICTION campaign that lasted at most 1 month")
                                .firesWhen(f -> f.typeIs(ActionType.MARITIME_INTERDICTION, ActionType.BORDER_INTERDICTION)
                                        && f.consent() == PartnerConsent.NONE && f.durationMonths() != null && f.durationMonths() <= 1)
                                .because("A surprise pressure campaign abandoned within weeks is the short-horizon, shifting-priority pattern the article names.",
                                        Passages.SHIFTING)
                                .since(ModelRelease.LITERATURE, Literature.DOYLE_2003, Literature.CRAIG_1980)
                                .evidence(f -> "unilateral " + f.type() + " against " + f.country() + " lasting "
                                        + f.durationMonths() + " month(s)")));
    }
}
