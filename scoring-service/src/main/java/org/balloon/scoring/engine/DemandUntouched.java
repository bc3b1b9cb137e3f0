package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.ActionFacts.share;
import static org.balloon.scoring.engine.ActionFacts.usd;
import static org.balloon.scoring.engine.Rule.rule;

import java.util.List;
import org.balloon.contracts.Criterion;

/**
 * DEMAND_UNTOUCHED: supply-side pressure while US demand, the market's engine, is left alone.
 * The share rules are monotone by construction: a higher {@code demandSideShare} only switches
 * aggravating rules off and mitigating ones on.
 */
public final class DemandUntouched extends CriterionModel {

    public DemandUntouched() {
        super(Criterion.DEMAND_UNTOUCHED,
                "Supply-side pressure leaves untouched the US demand that the article calls the heart of the failure.",
                Passages.DEMAND_HEART,
                List.of(
                        rule("DU-01", 45, "type presses supply directly (strike, interdiction, eradication, kingpin, extradition, designation)")
                                .firesWhen(f -> f.typeIn(ActionFacts.SUPPLY_COERCIVE))
                                .because("Coercive supply-side tactics alone cannot overcome the economic incentives that US demand creates.",
                                        Passages.SUPPLY_ALONE)
                                .evidence(f -> "supply-side action of type " + f.type()),
                        rule("DU-02", 30, "type works on supply through money, partners or intelligence")
                                .firesWhen(f -> f.typeIn(ActionFacts.SUPPLY_ENABLING))
                                .because("Sanctions, aid and intelligence still target supply while the demand that funds the market goes on.",
                                        Passages.BILLIONS)
                                .evidence(f -> "supply-side support of type " + f.type()),
                        rule("DU-03", 10, "type works on producer-side drivers or diplomacy, not on US demand")
                                .firesWhen(f -> f.typeIn(ActionFacts.PRODUCER_SIDE_NON_COERCIVE))
                                .because("Even development and diplomacy abroad leave US demand, the engine of the market, untouched.",
                                        Passages.DEMAND_HEART)
                                .evidence(f -> "producer-side, non-coercive action of type " + f.type()),
                        rule("DU-04", 25, "demandSideShare < 0.10")
                                .firesWhen(f -> f.demandShare() != null && f.demandShare() < 0.10)
                                .because("An effort with (almost) nothing aimed at demand repeats the supply-only approach the article says has failed.",
                                        Passages.SUPPLY_ALONE)
                                .evidence(f -> "only " + share(f.demandShare()) + " of the effort aimed at demand"),
                        rule("DU-05", 10, "0.10 <= demandSideShare < 0.25")
                                .firesWhen(f -> f.demandShare() != null && f.demandShare() >= 0.10 && f.demandShare() < 0.25)
                                .because("A small demand-side share still leaves the market's engine largely untouched.",
                                        Passages.DEMAND_HEART)
                                .evidence(f -> share(f.demandShare()) + " of the effort aimed at demand"),
                        rule("DU-06", 10, "supply-side type and demandSideShare not stated")
                                .firesWhen(f -> f.supplySide() && f.demandShare() == null)
                                .because("A supply-side action that states no demand component gives no sign of tackling demand reduction.",
                                        Passages.WITHOUT_DEMAND)
                                .evidence(f -> "supply-side action of type " + f.type() + " with no demand-side share stated"),
                        rule("DU-07", 10, "supply-side type, budgetUsd >= 1 bn, demandSideShare not stated or < 0.25")
                                .firesWhen(f -> f.supplySide() && f.budgetUsd() != null && f.budgetUsd() >= 1e9
                                        && (f.demandShare() == null || f.demandShare() < 0.25))
                                .because("Billions spent on supply have not stemmed the flow while demand persists.",
                                        Passages.BILLIONS)
                                .evidence(f -> usd(f.budgetUsd()) + " on a supply-side action with little or no demand share"),
                        rule("DU-08", -30, "demandSideShare >= 0.50 (mitigating)")
                                .firesWhen(f -> f.demandShare() != null && f.demandShare() >= 0.50)
                                .because("Most of the effort goes to prevention, treatment or harm reduction, the demand side the article says is missing.",
                                        Passages.WITHOUT_DEMAND)
                                .evidence(f -> share(f.demandShare()) + " of the effort aimed at demand"),
                        rule("DU-09", -40, "type is DEMAND_REDUCTION or HARM_REDUCTION (mitigating)")
                                .firesWhen(f -> f.typeIn(ActionFacts.DEMAND_SIDE))
                                .because("The action works on demand reduction and public health, the alternatives the punitive framework neglects.",
                                        Passages.WITHOUT_DEMAND)
                                .evidence(f -> "demand-side action of type " + f.type())));
    }
}
