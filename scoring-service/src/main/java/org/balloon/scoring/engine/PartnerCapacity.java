package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.ActionFacts.usd;
import static org.balloon.scoring.engine.Rule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PartnerConsent;

/**
 * PARTNER_CAPACITY: corruption and weak institutions in the partner state absorb or divert the
 * effort. Reads the target country's figure in the country table (Transparency International CPI;
 * a documented neutral default where the figure is unknown). Domestic actions have no partner.
 */
public final class PartnerCapacity extends CriterionModel {

    /** Below this CPI figure the partner's institutions count as very weak. */
    static final int VERY_WEAK = 30;
    /** Below this CPI figure the partner's institutions count as weak (the CPI scale's midpoint). */
    static final int WEAK = 50;

    /** Types delivered through the partner's own institutions whatever the consent field says. */
    private static final Set<ActionType> THROUGH_PARTNER = EnumSet.of(ActionType.SECURITY_ASSISTANCE,
            ActionType.INTELLIGENCE_SHARING, ActionType.ALTERNATIVE_DEVELOPMENT, ActionType.EXTRADITION);

    public PartnerCapacity() {
        super(Criterion.PARTNER_CAPACITY,
                "Systemic corruption and weak institutions in source and transit states absorb or divert the effort, as cartel infiltration outlasted the Mérida Initiative.",
                Passages.CORRUPTION,
                List.of(
                        rule("PC-01", 45, "abroad and the target country's CPI < 30")
                                .firesWhen(f -> f.foreign() && f.countryIndex() < VERY_WEAK)
                                .because("Systemic corruption and weak institutions in the partner state undermine the effort.", Passages.CORRUPTION)
                                .evidence(f -> "very weak institutions: " + f.countryIndexText()),
                        rule("PC-02", 25, "abroad and 30 <= the target country's CPI < 50")
                                .firesWhen(f -> f.foreign() && f.countryIndex() >= VERY_WEAK && f.countryIndex() < WEAK)
                                .because("Corruption and weak institutions in the partner state still leave room for infiltration and diversion.",
                                        Passages.CORRUPTION)
                                .evidence(f -> "weak institutions: " + f.countryIndexText()),
                        rule("PC-03", 15, "delivered through the partner (assistance, intelligence, development, extradition, or full/partial consent) and CPI < 50")
                                .firesWhen(f -> f.foreign() && f.countryIndex() < WEAK && throughPartner(f))
                                .because("Success hinges on cooperation with partner institutions, which corruption then hollows out.", Passages.COOPERATION)
                                .evidence(f -> f.type() + " runs through the institutions of " + f.country() + " (" + f.countryIndexText() + ")"),
                        rule("PC-04", 15, "delivered through the partner, budgetUsd >= 1 bn and CPI < 50")
                                .firesWhen(f -> f.foreign() && f.countryIndex() < WEAK && throughPartner(f)
                                        && f.budgetUsd() != null && f.budgetUsd() >= 1e9)
                                .because("Billions channelled through a corrupt partner did not stop cartel infiltration in Mexico.", Passages.MERIDA)
                                .evidence(f -> usd(f.budgetUsd()) + " through partner institutions in " + f.country()),
                        rule("PC-05", 10, "abroad and partnerConsent = NONE")
                                .firesWhen(f -> f.foreign() && f.consent() == PartnerConsent.NONE)
                                .because("Without a cooperating partner, political divergence rather than capacity decides the outcome.",
                                        Passages.CORRUPTION)
                                .evidence(f -> "no cooperating partner in " + f.country()),
                        rule("PC-06", -20, "type is INSTITUTIONAL_REFORM abroad (mitigating)")
                                .firesWhen(f -> f.foreign() && f.typeIs(ActionType.INSTITUTIONAL_REFORM))
                                .because("Reform of the partner's institutions is the complement the article says force-heavy policy lacks.", Passages.REFORM)
                                .evidence(f -> "institutional reform in " + f.country())));
    }

    private static boolean throughPartner(ActionFacts f) {
        return f.typeIn(THROUGH_PARTNER) || f.consent() == PartnerConsent.FULL || f.consent() == PartnerConsent.PARTIAL;
    }
}
