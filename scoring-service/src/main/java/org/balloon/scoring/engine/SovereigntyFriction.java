package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.Rule.rule;

import java.util.List;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PartnerOfficialTarget;

/**
 * SOVEREIGNTY_FRICTION: unilateral or coercive action on a partner's ground, waters or politics.
 * Only actions abroad can cause friction. No aggravating rule fires under FULL consent unless it
 * fires under every other consent too, so granting full consent never raises the score.
 */
public final class SovereigntyFriction extends CriterionModel {

    public SovereigntyFriction() {
        super(Criterion.SOVEREIGNTY_FRICTION,
                "Unilateral or coercive action on a partner's ground, waters or politics provokes diplomatic backlash and costs partner buy-in.",
                Passages.SOVEREIGNTY,
                List.of(
                        rule("SF-01", 35, "abroad and partnerConsent = NONE")
                                .firesWhen(f -> f.foreign() && f.consent() == PartnerConsent.NONE)
                                .because("Unilateral action runs into sovereignty constraints and provokes diplomatic backlash.", Passages.SOVEREIGNTY)
                                .evidence(f -> "no partner consent for an action in " + f.country()),
                        rule("SF-02", 15, "abroad and partnerConsent = PARTIAL")
                                .firesWhen(f -> f.foreign() && f.consent() == PartnerConsent.PARTIAL)
                                .because("Only partial consent means limited partner buy-in, which the article names as a failure mode.", Passages.SOVEREIGNTY)
                                .evidence(f -> "only partial consent of " + f.country()),
                        rule("SF-03", 30, "abroad, lethalForce = true and partnerConsent not FULL")
                                .firesWhen(f -> f.foreign() && f.lethal() && f.lacksFullConsent())
                                .because("Lethal force without the partner's full agreement is the aggressive move that provokes backlash and harm allegations.",
                                        Passages.SOVEREIGNTY)
                                .evidence(f -> "lethal force without partner consent (partnerConsent=" + (f.consent() == null ? "not stated" : f.consent()) + ")"),
                        rule("SF-04", 15, "coercive supply-side type on foreign LAND, TERRITORIAL_WATERS or AIRSPACE, partnerConsent not FULL")
                                .firesWhen(f -> f.onForeignGround() && f.typeIn(ActionFacts.SUPPLY_COERCIVE) && f.lacksFullConsent())
                                .because("Operating on a partner's own ground, waters or airspace without its full consent is what sovereignty constraints forbid.",
                                        Passages.SOVEREIGNTY)
                                .evidence(f -> f.type() + " in " + f.country() + " " + f.theater() + " without full consent"),
                        rule("SF-05", 10, "abroad, coercive supply-side type, partnerConsent not stated")
                                .firesWhen(f -> f.foreign() && f.typeIn(ActionFacts.SUPPLY_COERCIVE) && f.consent() == null)
                                .because("A coercive action abroad that cannot show the partner's consent invites accusations of unilateralism.",
                                        Passages.SOVEREIGNTY)
                                .evidence(f -> "partner consent not stated for " + f.type() + " in " + f.country()),
                        rule("SF-06", 15, "designation, sanctions or AML measure abroad, partnerConsent not FULL")
                                .firesWhen(f -> f.foreign() && f.typeIn(ActionFacts.FINANCIAL_COERCION) && f.lacksFullConsent())
                                .because("Designations and sanctions aimed at a country's groups or state, as with Venezuela, strain relations without curtailing trafficking.",
                                        Passages.VENEZUELA)
                                .evidence(f -> f.type() + " touching " + f.country() + " without its full consent"),
                        rule("SF-07", 10, "DOD or CIA involved on foreign LAND, TERRITORIAL_WATERS or AIRSPACE")
                                .firesWhen(f -> f.onForeignGround() && f.involvesAny(Agency.DOD, Agency.CIA))
                                .because("A US military or intelligence presence on a partner's territory is the kind of aggressive move that provokes backlash.",
                                        Passages.SOVEREIGNTY)
                                .evidence(f -> "agencies " + f.agencyText() + " operating in " + f.country() + " " + f.theater()),
                        rule("SF-08", -15, "abroad and partnerConsent = FULL (mitigating)")
                                .firesWhen(f -> f.foreign() && f.consent() == PartnerConsent.FULL)
                                .because("With full consent the action rests on the cooperation with source and transit countries that success hinges on.",
                                        Passages.COOPERATION)
                                .evidence(f -> "full consent of " + f.country()),
                        rule("SF-09", -10, "legalBasis = PARTNER_REQUEST (mitigating)")
                                .firesWhen(f -> f.foreign() && f.legalBasis() == LegalBasis.PARTNER_REQUEST)
                                .because("An action the partner asked for is cooperation, not unilateral action.", Passages.COOPERATION)
                                .evidence(f -> "undertaken at the request of " + f.country()),
                        // Cienfuegos (2020): an arrest on US soil, no boots on Mexican ground, yet the partner's
                        // reaction (threats to expel DEA, charges dropped, a law restricting foreign agents) was severe
                        rule("SF-10", 25, "aimed at a partner state (targetCountry not US) and partnerInformedBeforehand = false, wherever carried out")
                                .firesWhen(f -> f.partnerState() && f.partnerNotInformed())
                                .because("Acting against a partner's nationals without telling it, even on US soil, costs the partner's trust and buy-in as much as boots on its ground.",
                                        Passages.SOVEREIGNTY)
                                .since(ModelRelease.LITERATURE, Literature.CIENFUEGOS_2020)
                                .evidence(f -> f.type() + " aimed at " + f.country() + " without telling it beforehand"
                                        + (f.atHome() ? ", carried out on US soil" : "")),
                        rule("SF-11", 15, "coercive measure (supply-side coercion, sanctions, designation, AML) against a serving or former official of the partner state")
                                .firesWhen(f -> f.partnerState() && f.targetsPartnerOfficial()
                                        && (f.typeIn(ActionFacts.SUPPLY_COERCIVE) || f.typeIn(ActionFacts.FINANCIAL_COERCION)))
                                .because("Arresting, indicting or sanctioning a partner's own officials turns a counter-narcotics measure into a confrontation with the partner state.",
                                        Passages.VENEZUELA)
                                .since(ModelRelease.LITERATURE, Literature.CIENFUEGOS_2020, Literature.TREASURY_2025)
                                .evidence(f -> f.type() + " against a " + (f.partnerOfficialTarget() == PartnerOfficialTarget.SERVING_OFFICIAL
                                        ? "serving" : "former") + " official of " + f.country()),
                        // Operation Intercept (1969): pressure applied on the US side of the border, no consent sought
                        rule("SF-12", 20, "coercive supply-side type aimed at a partner state, carried out on US soil (theater US_DOMESTIC), partnerConsent = NONE")
                                .firesWhen(f -> f.partnerState() && f.atHome() && f.consent() == PartnerConsent.NONE
                                        && f.typeIn(ActionFacts.SUPPLY_COERCIVE))
                                .because("Unilateral pressure applied at home to force a partner's hand, such as slowing the border, provokes the diplomatic backlash the article names without a boot on its ground.",
                                        Passages.SOVEREIGNTY)
                                .since(ModelRelease.LITERATURE, Literature.DOYLE_2003, Literature.CRAIG_1980)
                                .evidence(f -> f.type() + " on the US side aimed at " + f.country() + " without its consent")));
    }
}
