package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.Rule.rule;

import java.util.List;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;

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
                                .evidence(f -> "undertaken at the request of " + f.country())));
    }
}
