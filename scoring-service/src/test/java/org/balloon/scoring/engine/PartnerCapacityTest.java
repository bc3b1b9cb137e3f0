package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.scoring.engine.ArticleActions.*;

import java.util.stream.Stream;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Factor;
import org.junit.jupiter.api.Test;

class PartnerCapacityTest extends CriterionTable {

    @Override
    Criterion criterion() {
        return Criterion.PARTNER_CAPACITY;
    }

    @Override
    Stream<Row> table() {
        return Stream.of(
                row("Mérida Initiative: billions through Mexican institutions (CPI 26)", meridaInitiative(),
                        fires("PC-01", "PC-03", "PC-04"), silent("PC-02", "PC-06")),
                row("capture of El Chapo with Mexico", elChapoCapture(), fires("PC-01", "PC-03"), silent("PC-04")),
                row("Plan Colombia (CPI 39)", planColombiaEradication(), fires("PC-02", "PC-03", "PC-04"), silent("PC-01")),
                row("maritime strikes off Venezuela (CPI 10), no partner", maritimeStrikeOffVenezuela(),
                        fires("PC-01", "PC-05"), silent("PC-03")),
                row("Afghan eradication: figure unknown, neutral default", afghanPoppyEradication(), fires("PC-02", "PC-03"),
                        silent("PC-01")),
                row("the Mérida kind of aid to Uruguay (CPI 76)", meridaInitiative().country("UY"), fires(),
                        silent("PC-01", "PC-02", "PC-03", "PC-04")),
                row("contrast: institutional reform in Mexico", institutionalReformMexico(), fires("PC-01", "PC-06"), silent()),
                row("contrast: harm reduction at home has no partner", harmReductionAtHome(), fires(), silent("PC-01", "PC-02")));
    }

    @Test
    void weakerPartnersScoreHigherAndReformMitigates() {
        assertThat(score(meridaInitiative())).isGreaterThan(score(meridaInitiative().country("CO")));
        assertThat(score(meridaInitiative().country("CO"))).isGreaterThan(score(meridaInitiative().country("UY")));
        assertThat(score(institutionalReformMexico())).isLessThan(score(meridaInitiative()));
    }

    @Test
    void anUnknownFigureUsesTheDocumentedNeutralDefaultAndSaysSo() {
        Factor f = EngineFixture.criterion(EngineFixture.score(afghanPoppyEradication()), criterion()).factors().get(0);
        assertThat(f.evidence()).contains("unknown").contains("43");
        Factor mx = EngineFixture.criterion(EngineFixture.score(meridaInitiative()), criterion()).factors().get(0);
        assertThat(mx.evidence()).contains("26/100").contains("2024").contains("Mexico");
    }
}
