package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.scoring.engine.ArticleActions.*;

import java.util.stream.Stream;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.Theater;
import org.junit.jupiter.api.Test;

class DisplacementTest extends CriterionTable {

    @Override
    Criterion criterion() {
        return Criterion.DISPLACEMENT;
    }

    @Override
    Stream<Row> table() {
        return Stream.of(
                row("Plan Colombia eradication: a source squeezed", planColombiaEradication(), fires("DI-01"),
                        silent("DI-07", "DI-08")),
                row("Afghan poppy eradication, one short season", afghanPoppyEradication(), fires("DI-01", "DI-07"),
                        silent("DI-08")),
                row("maritime strikes off Venezuela: a route squeezed", maritimeStrikeOffVenezuela(), fires("DI-03"),
                        silent("DI-01", "DI-02")),
                row("consented maritime interdiction off Colombia", ActionBuilder.action("interdiction", ActionType.MARITIME_INTERDICTION, "CO")
                        .theater(Theater.TERRITORIAL_WATERS).consent(PartnerConsent.FULL), fires("DI-02"), silent("DI-03")),
                row("capture of El Chapo: market share to rivals", elChapoCapture(), fires("DI-04"), silent("DI-01")),
                row("FTO designations: money moves, fentanyl labs move", ftoDesignations(), fires("DI-05", "DI-06"),
                        silent("DI-04")),
                row("contrast: alternative development", alternativeDevelopmentColombia(), fires("DI-08"), silent("DI-01")),
                row("contrast: harm reduction shrinks the market", harmReductionAtHome(), fires("DI-09"), silent("DI-06")));
    }

    @Test
    void squeezingSourcesAndRoutesDisplacesMoreThanDevelopmentOrDemandWork() {
        assertThat(score(planColombiaEradication())).isGreaterThanOrEqualTo(45);
        assertThat(score(alternativeDevelopmentColombia())).isZero();
        assertThat(score(harmReductionAtHome())).isZero();
        // 2026.2: livelihoods paired with eradication no longer lower displacement: in Helmand's Food Zone the
        // land-poor moved poppy to new land (Mansfield 2019; SIGAR 2018). They still did under 2026.1.
        assertThat(score(planColombiaEradication().livelihoods(true))).isEqualTo(score(planColombiaEradication()));
        assertThat(EngineFixture.criterion(EngineFixture.PREVIOUS.score(planColombiaEradication().livelihoods(true).build()),
                Criterion.DISPLACEMENT).score())
                .isLessThan(EngineFixture.criterion(EngineFixture.PREVIOUS.score(planColombiaEradication().build()),
                        Criterion.DISPLACEMENT).score());
    }
}
