package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.ActionFacts.list;
import static org.balloon.scoring.engine.Rule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Substance;

/** DISPLACEMENT: the balloon effect, production and routes shift elsewhere. */
public final class Displacement extends CriterionModel {

    /**
     * Below this, alternative development counts as short-term. SIGAR (2018) gives no threshold; three
     * years is the model's choice: the span of three crop years, and less than one administration.
     */
    static final int SHORT_DEVELOPMENT_MONTHS = 36;

    private static final Set<Substance> SYNTHETIC = EnumSet.of(Substance.FENTANYL, Substance.METHAMPHETAMINE);

    public Displacement() {
        super(Criterion.DISPLACEMENT,
                "Squeezing one source or route shifts production and trafficking elsewhere: the balloon effect.",
                Passages.BALLOON,
                List.of(
                        rule("DI-01", 45, "type is CROP_ERADICATION")
                                .firesWhen(f -> f.typeIs(ActionType.CROP_ERADICATION))
                                .because("Eradication targets a source, and production shifts elsewhere, as coca did after Plan Colombia.", Passages.BALLOON)
                                .evidence(f -> "crop eradication in " + f.country()),
                        rule("DI-02", 40, "type is MARITIME_INTERDICTION or BORDER_INTERDICTION")
                                .firesWhen(f -> f.typeIs(ActionType.MARITIME_INTERDICTION, ActionType.BORDER_INTERDICTION))
                                .because("Interdiction targets a route, and trafficking shifts to another one.", Passages.BALLOON)
                                .evidence(f -> f.type() + (f.theater() == null ? "" : " in " + f.theater())),
                        rule("DI-03", 30, "type is MILITARY_STRIKE")
                                .firesWhen(f -> f.typeIs(ActionType.MILITARY_STRIKE))
                                .because("Strikes on smuggling vessels close no market; shipments move to other lanes.", Passages.BALLOON)
                                .evidence(f -> "military strike" + (f.theater() == null ? "" : " in " + f.theater())),
                        rule("DI-04", 15, "type is LEADERSHIP_TARGETING or EXTRADITION")
                                .firesWhen(f -> f.typeIs(ActionType.LEADERSHIP_TARGETING, ActionType.EXTRADITION))
                                .because("Removing one organisation's leaders hands its market share to rivals that adapt rapidly.", Passages.ADAPT)
                                .evidence(f -> f.type() + (f.organizations().isEmpty() ? "" : " against " + list(f.organizations()))),
                        rule("DI-05", 15, "type is FINANCIAL_SANCTIONS, ANTI_MONEY_LAUNDERING or TERRORIST_DESIGNATION")
                                .firesWhen(f -> f.typeIn(ActionFacts.FINANCIAL_COERCION))
                                .because("Frozen assets and blocked channels move the money to other fronts and channels; suppliers adapt.", Passages.ADAPT)
                                .evidence(f -> f.type() + " squeezes one financial channel"),
                        rule("DI-06", 10, "supply-side type and substances include FENTANYL or METHAMPHETAMINE")
                                .firesWhen(f -> f.supplySide() && f.substances().stream().anyMatch(SYNTHETIC::contains))
                                .because("Synthetic drugs need no fields, so their production shifts even more easily when squeezed.", Passages.BALLOON)
                                .evidence(f -> "synthetic drugs targeted: " + list(f.substances().stream().filter(SYNTHETIC::contains).toList())),
                        rule("DI-07", 10, "CROP_ERADICATION or interdiction lasting < 12 months")
                                .firesWhen(f -> f.typeIs(ActionType.CROP_ERADICATION, ActionType.MARITIME_INTERDICTION, ActionType.BORDER_INTERDICTION)
                                        && f.durationMonths() != null && f.durationMonths() < 12)
                                .because("A short squeeze reduces cultivation or flows only temporarily before they return at record highs.",
                                        Passages.PLAN_COLOMBIA)
                                .evidence(f -> f.type() + " lasting " + f.durationMonths() + " months"),
                        rule("DI-08", -15, "alternativeLivelihoods = true (mitigating)")
                                .firesWhen(ActionFacts::alternativeLivelihoods)
                                .because("Viable alternatives give growers a reason not to replant elsewhere.", Passages.ERADICATION)
                                .evidence(f -> "alternative livelihoods offered"),
                        rule("DI-09", -20, "type is DEMAND_REDUCTION or HARM_REDUCTION (mitigating)")
                                .firesWhen(f -> f.typeIn(ActionFacts.DEMAND_SIDE))
                                .because("Shrinking demand shrinks the market instead of moving it.", Passages.DEMAND_HEART)
                                .evidence(f -> "demand-side action of type " + f.type()),
                        // cancels DI-08 for eradication only: livelihoods still help where growers have land of their own
                        rule("DI-10", 15, "CROP_ERADICATION with alternativeLivelihoods = true (eradication plus a livelihood package)")
                                .firesWhen(f -> f.typeIs(ActionType.CROP_ERADICATION) && f.alternativeLivelihoods())
                                .because("Where land is scarce, a livelihood package paired with eradication pushes the land-poor to grow the crop on new land, as in Helmand's Food Zone.",
                                        Passages.BALLOON)
                                .since(ModelRelease.LITERATURE, Literature.MANSFIELD_2019, Literature.SIGAR_2018)
                                .evidence(f -> "eradication with alternative livelihoods in " + f.country()
                                        + ": the land-poor move cultivation to new land (" + Literature.MANSFIELD_2019.shortName() + ")"),
                        rule("DI-11", 10, "ALTERNATIVE_DEVELOPMENT lasting < 36 months")
                                .firesWhen(f -> f.typeIs(ActionType.ALTERNATIVE_DEVELOPMENT) && f.durationMonths() != null
                                        && f.durationMonths() < SHORT_DEVELOPMENT_MONTHS)
                                .because("Development too short to give sustainable alternatives leaves growers to return to the crop, and has even fed production.",
                                        Passages.PLAN_COLOMBIA)
                                .since(ModelRelease.LITERATURE, Literature.SIGAR_2018)
                                .evidence(f -> "alternative development lasting only " + f.durationMonths() + " months ("
                                        + Literature.SIGAR_2018.shortName() + ")")));
    }
}
