package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.scoring.engine.ArticleActions.*;

import java.util.stream.Stream;
import org.balloon.contracts.Criterion;
import org.junit.jupiter.api.Test;

class BacklashTest extends CriterionTable {

    @Override
    Criterion criterion() {
        return Criterion.BACKLASH;
    }

    @Override
    Stream<Row> table() {
        return Stream.of(
                row("maritime strikes off Venezuela: killed dozens, military", maritimeStrikeOffVenezuela(),
                        fires("BA-01", "BA-03", "BA-04", "BA-06"), silent("BA-02", "BA-05")),
                row("the same strike with civilian harm reported", maritimeStrikeOffVenezuela().civilianHarm(true),
                        fires("BA-01", "BA-02"), silent("BA-05")),
                row("Afghan poppy eradication without viable alternatives", afghanPoppyEradication(),
                        fires("BA-05", "BA-06"), silent("BA-01", "BA-07")),
                row("Plan Colombia eradication without alternatives", planColombiaEradication(), fires("BA-05", "BA-06"),
                        silent("BA-07")),
                // 2026.2: no force recorded, yet a removed leader raises homicides among bystanders where the
                // organisation operates (Calderón et al. 2015; Lindo & Padilla-Romo 2018); 2026.1 scored this 0
                row("capture of El Chapo: no force, but leader removal raises civilian homicides", elChapoCapture(), fires("BA-09"),
                        silent("BA-01", "BA-06")),
                row("contrast: alternative development", alternativeDevelopmentColombia(), fires("BA-07", "BA-08"),
                        silent("BA-05")));
    }

    @Test
    void militarisationAndHarmRaiseBacklashAlternativesLowerIt() {
        assertThat(score(maritimeStrikeOffVenezuela().civilianHarm(true))).isGreaterThan(score(maritimeStrikeOffVenezuela()));
        assertThat(score(maritimeStrikeOffVenezuela())).isGreaterThan(score(elChapoCapture()));
        assertThat(score(afghanPoppyEradication().livelihoods(true))).isLessThan(score(afghanPoppyEradication()));
        assertThat(score(alternativeDevelopmentColombia())).isZero();
    }
}
