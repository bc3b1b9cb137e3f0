package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.Rule.rule;

import java.util.List;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.Theater;

/** LEGAL_EXPOSURE: contested legality, armed-conflict claims, international law, congressional pushback. */
public final class LegalExposure extends CriterionModel {

    public LegalExposure() {
        super(Criterion.LEGAL_EXPOSURE,
                "Lethal action justified by armed-conflict claims or executive fiat faces legal scrutiny, international-law accusations and congressional pushback.",
                Passages.ARMED_CONFLICT,
                List.of(
                        rule("LE-01", 40, "legalBasis = ARMED_CONFLICT_CLAIM")
                                .firesWhen(f -> f.legalBasis() == LegalBasis.ARMED_CONFLICT_CLAIM)
                                .because("Strikes justified by armed-conflict claims with designated groups have faced legal scrutiny.", Passages.ARMED_CONFLICT)
                                .evidence(f -> "justified by an armed-conflict claim"),
                        rule("LE-02", 25, "lethalForce = true with legalBasis EXECUTIVE_ORDER, NONE_STATED or not stated")
                                .firesWhen(f -> f.lethal() && (f.noLegalBasis() || f.legalBasis() == LegalBasis.EXECUTIVE_ORDER))
                                .because("Lethal force without congressional authorisation draws War Powers challenges.", Passages.WAR_POWERS)
                                .evidence(f -> "lethal force on legal basis " + (f.legalBasis() == null ? "not stated" : f.legalBasis().toString())),
                        rule("LE-03", 20, "lethalForce = true in INTERNATIONAL_WATERS")
                                .firesWhen(f -> f.lethal() && f.theater() == Theater.INTERNATIONAL_WATERS)
                                .because("Lethal strikes on vessels at sea have brought accusations of violating international law.", Passages.CIVILIAN)
                                .evidence(f -> "lethal force in international waters"),
                        rule("LE-04", 15, "lethalForce = true on another state's LAND, TERRITORIAL_WATERS or AIRSPACE with partnerConsent = NONE")
                                .firesWhen(f -> f.lethal() && f.onForeignGround() && f.consent() == PartnerConsent.NONE)
                                .because("Force on another state's territory without its consent breaches the sovereignty international law protects.",
                                        Passages.CIVILIAN)
                                .evidence(f -> "lethal force in " + f.country() + " " + f.theater() + " without consent"),
                        rule("LE-05", 10, "lethalForce = true and civilianHarmReported = true")
                                .firesWhen(f -> f.lethal() && f.civilianHarm())
                                .because("Civilian casualties of lethal operations add legal exposure to the accusations of violating international law.",
                                        Passages.CIVILIAN)
                                .evidence(f -> "lethal force with civilian harm reported"),
                        rule("LE-06", 10, "type is TERRORIST_DESIGNATION")
                                .firesWhen(f -> f.typeIs(ActionType.TERRORIST_DESIGNATION))
                                .because("Designating cartels as terrorists expands tools like sanctions and force but risks overreach.", Passages.OVERREACH)
                                .evidence(f -> "terrorist designation"),
                        rule("LE-07", 10, "legalBasis = EXECUTIVE_ORDER")
                                .firesWhen(f -> f.legalBasis() == LegalBasis.EXECUTIVE_ORDER)
                                .because("Executive orders, like the 2025 FTO designations, act without Congress and invite pushback.", Passages.DESIGNATIONS_2025)
                                .evidence(f -> "resting on an executive order"),
                        rule("LE-08", 15, "coercive supply-side type with no legal basis stated")
                                .firesWhen(f -> f.typeIn(ActionFacts.SUPPLY_COERCIVE) && f.noLegalBasis())
                                .because("A coercive action that states no legal basis is exposed to the legal scrutiny recent operations faced.",
                                        Passages.ARMED_CONFLICT)
                                .evidence(f -> f.type() + " with no legal basis stated"),
                        rule("LE-09", -15, "legalBasis = CONGRESSIONAL_AUTHORIZATION or TREATY (mitigating)")
                                .firesWhen(f -> f.legalBasis() == LegalBasis.CONGRESSIONAL_AUTHORIZATION || f.legalBasis() == LegalBasis.TREATY)
                                .because("Authorisation by Congress or a treaty answers the congressional pushback the article describes.", Passages.WAR_POWERS)
                                .evidence(f -> "legal basis " + f.legalBasis()),
                        rule("LE-10", -10, "legalBasis = PARTNER_REQUEST (mitigating)")
                                .firesWhen(f -> f.legalBasis() == LegalBasis.PARTNER_REQUEST)
                                .because("Acting at the partner's request removes the international-law objection of acting on its territory uninvited.",
                                        Passages.CIVILIAN)
                                .evidence(f -> "undertaken at the partner's request"),
                        rule("LE-11", 20, "lethalForce = true in AIRSPACE (an aircraft shot down or fired on)")
                                .firesWhen(f -> f.lethal() && f.theater() == Theater.AIRSPACE)
                                .because("Shooting down aircraft on suspicion kills whoever is on board when identification fails, as the Peru air bridge programme did before it was halted in 2001.",
                                        Passages.CIVILIAN)
                                .since(ModelRelease.LITERATURE, Literature.CIA_OIG_2008)
                                .evidence(f -> "lethal force in the airspace of " + f.country()),
                        rule("LE-12", 10, "lethalForce = true abroad in a joint operation (partnerConsent FULL or PARTIAL) with DEA, DOD, CIA or STATE involved")
                                .firesWhen(f -> f.lethal() && f.foreign()
                                        && (f.consent() == PartnerConsent.FULL || f.consent() == PartnerConsent.PARTIAL)
                                        && f.involvesAny(Agency.DEA, Agency.DOD, Agency.CIA, Agency.STATE))
                                .because("Deaths in partner-led operations still expose the US agencies taking part, whose own reviews inspectors general have found inadequate.",
                                        Passages.CIVILIAN)
                                .since(ModelRelease.LITERATURE, Literature.OIG_HONDURAS_2017, Literature.CIA_OIG_2008)
                                .evidence(f -> "lethal force in a joint operation with " + f.country() + " (" + f.agencyText() + ")"),
                        rule("LE-13", 15, "CROP_ERADICATION in AIRSPACE (aerial spraying)")
                                .firesWhen(f -> f.typeIs(ActionType.CROP_ERADICATION) && f.theater() == Theater.AIRSPACE)
                                .because("Herbicide sprayed from the air drifts across borders and into homes and fields, which took Colombia's programme before the International Court of Justice.",
                                        Passages.CIVILIAN)
                                .since(ModelRelease.LITERATURE, Literature.ICJ_2013)
                                .evidence(f -> "aerial spraying in " + f.country())));
    }
}
