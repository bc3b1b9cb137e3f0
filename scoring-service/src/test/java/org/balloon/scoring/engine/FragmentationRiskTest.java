package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.scoring.engine.ArticleActions.*;

import java.util.stream.Stream;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Stage;
import org.junit.jupiter.api.Test;

class FragmentationRiskTest extends CriterionTable {

    @Override
    Criterion criterion() {
        return Criterion.FRAGMENTATION_RISK;
    }

    @Override
    Stream<Row> table() {
        return Stream.of(
                row("capture of El Chapo: a kingpin removed", elChapoCapture(), fires("FR-01", "FR-07", "FR-09"),
                        silent("FR-02", "FR-05")),
                row("maritime strikes off Venezuela: strikes that killed", maritimeStrikeOffVenezuela(),
                        fires("FR-02", "FR-05", "FR-06", "FR-07"), silent("FR-01", "FR-09")),
                row("FTO designations of several cartels", ftoDesignations(), fires("FR-04", "FR-07", "FR-08"),
                        silent("FR-05")),
                row("Plan Colombia eradication: no decapitation", planColombiaEradication(), fires(),
                        silent("FR-01", "FR-02", "FR-07")),
                row("Mérida Initiative", meridaInitiative(), fires(), silent("FR-01", "FR-05")),
                row("contrast: harm reduction", harmReductionAtHome(), fires(), silent("FR-01", "FR-02", "FR-05")));
    }

    @Test
    void decapitationAndStrikesFragmentWhileEradicationAndAidDoNot() {
        assertThat(score(elChapoCapture())).isGreaterThanOrEqualTo(50);
        assertThat(score(maritimeStrikeOffVenezuela())).isGreaterThanOrEqualTo(50);
        assertThat(score(planColombiaEradication())).isZero();
        assertThat(score(meridaInitiative())).isZero();
    }

    @Test
    void aCompletedCaptureFragmentsMoreThanAPlannedOne() {
        assertThat(score(elChapoCapture().stage(Stage.COMPLETED))).isGreaterThan(score(elChapoCapture().stage(Stage.PROPOSED)));
    }
}
