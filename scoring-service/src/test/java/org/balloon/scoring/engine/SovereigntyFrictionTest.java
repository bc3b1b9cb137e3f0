package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.scoring.engine.ArticleActions.*;

import java.util.stream.Stream;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.Theater;
import org.junit.jupiter.api.Test;

class SovereigntyFrictionTest extends CriterionTable {

    @Override
    Criterion criterion() {
        return Criterion.SOVEREIGNTY_FRICTION;
    }

    @Override
    Stream<Row> table() {
        return Stream.of(
                row("maritime strikes off Venezuela: lethal, no consent", maritimeStrikeOffVenezuela(),
                        fires("SF-01", "SF-03"), silent("SF-08", "SF-04")),
                row("same strike inside Venezuelan waters", maritimeStrikeOffVenezuela().theater(Theater.TERRITORIAL_WATERS),
                        fires("SF-01", "SF-03", "SF-04", "SF-07"), silent("SF-08")),
                row("capture of El Chapo with Mexico's consent, at its request", elChapoCapture(), fires("SF-08", "SF-09"),
                        silent("SF-01", "SF-03", "SF-04")),
                row("FTO designations touching Mexico", ftoDesignations(), fires("SF-06"), silent("SF-01", "SF-08")),
                row("Afghan eradication with partial consent, DOD on the ground", afghanPoppyEradication(),
                        fires("SF-02", "SF-04", "SF-07"), silent("SF-01", "SF-08")),
                row("Mérida Initiative: full consent", meridaInitiative(), fires("SF-08"), silent("SF-01", "SF-02")),
                row("contrast: harm reduction at home has no partner to offend", harmReductionAtHome(), fires(),
                        silent("SF-01", "SF-03", "SF-08")));
    }

    @Test
    void unilateralLethalActionScoresFarAboveConsentedAction() {
        assertThat(score(maritimeStrikeOffVenezuela())).isGreaterThanOrEqualTo(60);
        assertThat(score(elChapoCapture())).isZero();
        assertThat(score(maritimeStrikeOffVenezuela().consent(PartnerConsent.FULL)))
                .isLessThan(score(maritimeStrikeOffVenezuela().consent(PartnerConsent.PARTIAL)));
        assertThat(score(maritimeStrikeOffVenezuela().consent(PartnerConsent.PARTIAL)))
                .isLessThan(score(maritimeStrikeOffVenezuela().consent(PartnerConsent.NONE)));
    }
}
