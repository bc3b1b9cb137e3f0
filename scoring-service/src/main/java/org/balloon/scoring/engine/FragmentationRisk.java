package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.ActionFacts.list;
import static org.balloon.scoring.engine.Rule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Stage;

/** FRAGMENTATION_RISK: decapitation and strikes splinter groups into more, more violent, decentralised ones. */
public final class FragmentationRisk extends CriterionModel {

    /** Types that remove leaders or members of a named group. */
    private static final Set<ActionType> AIMED_AT_GROUPS = EnumSet.of(ActionType.LEADERSHIP_TARGETING,
            ActionType.MILITARY_STRIKE, ActionType.EXTRADITION, ActionType.TERRORIST_DESIGNATION,
            ActionType.MARITIME_INTERDICTION);

    public FragmentationRisk() {
        super(Criterion.FRAGMENTATION_RISK,
                "Taking out leaders or boats splinters trafficking groups into more decentralised and more violent ones instead of eliminating them.",
                Passages.FRAGMENT,
                List.of(
                        rule("FR-01", 40, "type is LEADERSHIP_TARGETING (kingpin capture or killing)")
                                .firesWhen(f -> f.typeIs(ActionType.LEADERSHIP_TARGETING))
                                .because("Arresting leaders such as El Chapo fragments groups rather than eliminating them.", Passages.FRAGMENT)
                                .evidence(f -> "kingpin targeting" + (f.organizations().isEmpty() ? "" : " of " + list(f.organizations()))),
                        rule("FR-02", 35, "type is MILITARY_STRIKE")
                                .firesWhen(f -> f.typeIs(ActionType.MILITARY_STRIKE))
                                .because("Strikes on smuggling vessels fragment groups into decentralised, violent entities.", Passages.FRAGMENT)
                                .evidence(f -> "military strike" + (f.theater() == null ? "" : " in theater " + f.theater())),
                        rule("FR-03", 20, "type is EXTRADITION")
                                .firesWhen(f -> f.typeIs(ActionType.EXTRADITION))
                                .because("Removing figures by extradition is another decapitation that leaves successors to fight over the business.",
                                        Passages.DECENTRALISED)
                                .evidence(f -> "extradition" + (f.organizations().isEmpty() ? "" : " of figures of " + list(f.organizations()))),
                        rule("FR-04", 10, "type is TERRORIST_DESIGNATION")
                                .firesWhen(f -> f.typeIs(ActionType.TERRORIST_DESIGNATION))
                                .because("Designating cartels as terrorists applies counterterrorism doctrine, with its decapitation logic, to profit-driven enterprises.",
                                        Passages.CT_DOCTRINE)
                                .evidence(f -> "terrorist designation" + (f.organizations().isEmpty() ? "" : " of " + list(f.organizations()))),
                        rule("FR-05", 15, "lethalForce = true")
                                .firesWhen(ActionFacts::lethal)
                                .because("Killing members disrupts briefly and leaves splinters behind, not a dismantled network.", Passages.KILLED_DOZENS)
                                .evidence(f -> "lethal force used"),
                        rule("FR-06", 10, "fatalities >= 10")
                                .firesWhen(f -> f.fatalities() >= 10)
                                .because("Operations that kill dozens still fail to reduce overall flows, while the survivors regroup.", Passages.KILLED_DOZENS)
                                .evidence(f -> f.fatalities() + " fatalities"),
                        rule("FR-07", 10, "named targetOrganizations and a type aimed at groups (kingpin, strike, extradition, designation, maritime interdiction)")
                                .firesWhen(f -> !f.organizations().isEmpty() && f.typeIn(AIMED_AT_GROUPS))
                                .because("Hitting a named organisation's structure is what splits it into rival factions.", Passages.DECENTRALISED)
                                .evidence(f -> "aimed at " + list(f.organizations())),
                        rule("FR-08", 10, "three or more targetOrganizations")
                                .firesWhen(f -> f.organizations().size() >= 3)
                                .because("Pressing several cartels at once, as the 2025 designations did, multiplies the groups that can splinter.",
                                        Passages.DESIGNATIONS_2025)
                                .evidence(f -> f.organizations().size() + " organisations targeted at once"),
                        rule("FR-09", 10, "LEADERSHIP_TARGETING or EXTRADITION at stage COMPLETED (leader removed)")
                                .firesWhen(f -> f.typeIs(ActionType.LEADERSHIP_TARGETING, ActionType.EXTRADITION) && f.stage() == Stage.COMPLETED)
                                .because("The tactical success itself, a leader removed, is what the article says leads to fragmentation.", Passages.FRAGMENT)
                                .evidence(f -> "completed " + f.type() + ": the leadership was actually removed"),
                        // Dickenson (2014): killing leaders was followed by more violence than capturing them;
                        // +10 on top of FR-05, because a killed leader leaves an open, contested succession
                        rule("FR-10", 10, "LEADERSHIP_TARGETING with lethalForce = true (the leader killed, not captured)")
                                .firesWhen(f -> f.typeIs(ActionType.LEADERSHIP_TARGETING) && f.lethal())
                                .because("Killing a leader rather than capturing him is followed by more violence from the splinters that fight over the succession.",
                                        Passages.DECENTRALISED)
                                .since(ModelRelease.LITERATURE, Literature.DICKENSON_2014)
                                .evidence(f -> "leader targeted with lethal force"
                                        + (f.organizations().isEmpty() ? "" : " (" + list(f.organizations()) + ")")
                                        + ": killing is followed by more violence than capture (" + Literature.DICKENSON_2014.shortName() + ")")));
    }
}
