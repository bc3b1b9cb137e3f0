package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.Rule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Stage;

/**
 * BACKLASH: militarisation, civilian harm, alienation and recruitment. Lethal force and civilian
 * harm only ever switch aggravating rules on, so adding them never lowers the score.
 */
public final class Backlash extends CriterionModel {

    private static final Set<ActionType> NON_PUNITIVE = EnumSet.of(ActionType.ALTERNATIVE_DEVELOPMENT,
            ActionType.DEMAND_REDUCTION, ActionType.HARM_REDUCTION);

    public Backlash() {
        super(Criterion.BACKLASH,
                "Militarised action and civilian harm buy short-term disruption with long-term backlash, alienation and recruitment.",
                Passages.MILITARIZATION,
                List.of(
                        rule("BA-01", 30, "lethalForce = true")
                                .firesWhen(ActionFacts::lethal)
                                .because("Lethal force is the militarisation that yields long-term backlash and boosts recruitment.", Passages.MILITARIZATION)
                                .evidence(f -> "lethal force used"),
                        rule("BA-02", 30, "civilianHarmReported = true")
                                .firesWhen(ActionFacts::civilianHarm)
                                .because("Civilian casualties alienate populations and feed regional instability.", Passages.CIVILIAN)
                                .evidence(f -> "civilian harm reported"),
                        rule("BA-03", 10, "fatalities >= 1")
                                .firesWhen(f -> f.fatalities() >= 1)
                                .because("Every death in an operation is a grievance that armed groups can recruit on.", Passages.MILITARIZATION)
                                .evidence(f -> f.fatalities() + " fatalities"),
                        rule("BA-04", 10, "fatalities >= 10")
                                .firesWhen(f -> f.fatalities() >= 10)
                                .because("Operations that have killed dozens drew sharp criticism without reducing flows.", Passages.KILLED_DOZENS)
                                .evidence(f -> f.fatalities() + " fatalities (ten or more)"),
                        rule("BA-05", 25, "CROP_ERADICATION without alternativeLivelihoods = true")
                                .firesWhen(f -> f.typeIs(ActionType.CROP_ERADICATION) && !f.alternativeLivelihoods())
                                .because("Aggressive eradication without viable alternatives fuelled resentment and insurgent funding in Afghanistan and Colombia.",
                                        Passages.ERADICATION)
                                .evidence(f -> "eradication in " + f.country() + " with alternative livelihoods "
                                        + (f.action().alternativeLivelihoods() == null ? "not stated" : "not offered")),
                        rule("BA-06", 15, "DOD involved in a coercive supply-side action abroad")
                                .firesWhen(f -> f.foreign() && f.involves(Agency.DOD) && f.typeIn(ActionFacts.SUPPLY_COERCIVE))
                                .because("Militarisation repeats past patterns of short-term disruption and long-term backlash.", Passages.MILITARIZATION)
                                .evidence(f -> "military (DOD) involvement in " + f.type() + " in " + f.country()),
                        rule("BA-07", -15, "alternativeLivelihoods = true (mitigating)")
                                .firesWhen(ActionFacts::alternativeLivelihoods)
                                .because("Viable alternatives for growers remove the grievance that aggressive eradication created.", Passages.ERADICATION)
                                .evidence(f -> "alternative livelihoods offered"),
                        rule("BA-08", -10, "type is ALTERNATIVE_DEVELOPMENT, DEMAND_REDUCTION or HARM_REDUCTION (mitigating)")
                                .firesWhen(f -> f.typeIn(NON_PUNITIVE))
                                .because("Development and public-health measures address the drivers the punitive framework leaves alone.", Passages.WITHOUT_DEMAND)
                                .evidence(f -> "non-punitive action of type " + f.type()),
                        // Calderón et al. (2015), Lindo & Padilla-Romo (2018): a removed kingpin raises homicides among
                        // bystanders, not only traffickers, with no shot fired by the US and with the partner's consent
                        rule("BA-09", 20, "LEADERSHIP_TARGETING at stage COMPLETED against a named organisation (leader removed, shot fired or not)")
                                .firesWhen(f -> f.typeIs(ActionType.LEADERSHIP_TARGETING) && f.stage() == Stage.COMPLETED
                                        && !f.organizations().isEmpty())
                                .because("Removing a cartel's leader, even by a consented, non-lethal capture, raises homicides among the general population where the organisation operates.",
                                        Passages.DECENTRALISED)
                                .since(ModelRelease.LITERATURE, Literature.CALDERON_2015, Literature.LINDO_2018)
                                .evidence(f -> "leader of " + ActionFacts.list(f.organizations()) + " removed in " + f.country()
                                        + ": civilian homicides rise where the organisation operates ("
                                        + Literature.CALDERON_2015.shortName() + "; " + Literature.LINDO_2018.shortName() + ")")));
    }
}
