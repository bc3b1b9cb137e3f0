package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.scoring.engine.ArticleActions.*;

import java.util.stream.Stream;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Criterion;
import org.junit.jupiter.api.Test;

class DemandUntouchedTest extends CriterionTable {

    @Override
    Criterion criterion() {
        return Criterion.DEMAND_UNTOUCHED;
    }

    @Override
    Stream<Row> table() {
        return Stream.of(
                row("maritime strikes off Venezuela: coercive supply-side, no demand share", maritimeStrikeOffVenezuela(),
                        fires("DU-01", "DU-04"), silent("DU-02", "DU-08", "DU-09")),
                row("capture of El Chapo: supply-side, demand share not stated", elChapoCapture(),
                        fires("DU-01", "DU-06"), silent("DU-04")),
                row("FTO designations", ftoDesignations(), fires("DU-01", "DU-06"), silent("DU-09")),
                row("Plan Colombia eradication: billions on supply", planColombiaEradication(),
                        fires("DU-01", "DU-04", "DU-07"), silent("DU-06")),
                row("Afghan poppy eradication", afghanPoppyEradication(), fires("DU-01", "DU-04"), silent("DU-07")),
                row("Mérida Initiative: supply-side support, billions, no demand share", meridaInitiative(),
                        fires("DU-02", "DU-06", "DU-07"), silent("DU-01")),
                row("contrast: harm reduction at home", harmReductionAtHome(), fires("DU-08", "DU-09"),
                        silent("DU-01", "DU-02", "DU-04")),
                row("contrast: alternative development", alternativeDevelopmentColombia(), fires("DU-03"),
                        silent("DU-01", "DU-06")));
    }

    @Test
    void supplySideActionsScoreHighAndDemandSideOnesZero() {
        assertThat(score(maritimeStrikeOffVenezuela())).isGreaterThanOrEqualTo(70);
        assertThat(score(harmReductionAtHome())).isZero();
        assertThat(score(meridaInitiative())).isLessThan(score(planColombiaEradication()));
    }

    @Test
    void aDemandComponentLowersTheScore() {
        int none = score(planColombiaEradication().demandShare(0.0));
        int some = score(planColombiaEradication().demandShare(0.2));
        int half = score(planColombiaEradication().demandShare(0.6));
        assertThat(none).isGreaterThan(some);
        assertThat(some).isGreaterThan(half);
    }

    @Test
    void coerciveSupplyWeighsMoreThanEnablingSupplyWhichWeighsMoreThanDevelopment() {
        int strike = score(ActionBuilder.action("x", ActionType.MILITARY_STRIKE, "VE"));
        int sanctions = score(ActionBuilder.action("x", ActionType.FINANCIAL_SANCTIONS, "VE"));
        int diplomacy = score(ActionBuilder.action("x", ActionType.DIPLOMATIC_AGREEMENT, "VE"));
        assertThat(strike).isGreaterThan(sanctions);
        assertThat(sanctions).isGreaterThan(diplomacy);
        assertThat(diplomacy).isPositive();
    }
}
