package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.scoring.engine.ArticleActions.*;

import java.util.stream.Stream;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.Theater;
import org.junit.jupiter.api.Test;

class LegalExposureTest extends CriterionTable {

    @Override
    Criterion criterion() {
        return Criterion.LEGAL_EXPOSURE;
    }

    @Override
    Stream<Row> table() {
        return Stream.of(
                row("maritime strikes off Venezuela under an armed-conflict claim", maritimeStrikeOffVenezuela(),
                        fires("LE-01", "LE-03"), silent("LE-02", "LE-09")),
                row("the same strike on executive authority only", maritimeStrikeOffVenezuela().legal(LegalBasis.EXECUTIVE_ORDER),
                        fires("LE-02", "LE-03", "LE-07"), silent("LE-01")),
                row("a strike on Venezuelan soil, no consent, civilians harmed",
                        maritimeStrikeOffVenezuela().theater(Theater.LAND).civilianHarm(true),
                        fires("LE-01", "LE-04", "LE-05"), silent("LE-03")),
                row("FTO designations by executive order", ftoDesignations(), fires("LE-06", "LE-07"), silent("LE-08", "LE-01")),
                row("Afghan eradication with no legal basis stated", afghanPoppyEradication(), fires("LE-08"), silent("LE-09")),
                row("Plan Colombia, authorised by Congress", planColombiaEradication(), fires("LE-09"), silent("LE-08")),
                row("capture of El Chapo at Mexico's request", elChapoCapture(), fires("LE-10"), silent("LE-01", "LE-02")));
    }

    @Test
    void armedConflictClaimsAreExposedAuthorisationIsNot() {
        assertThat(score(maritimeStrikeOffVenezuela())).isGreaterThanOrEqualTo(60);
        assertThat(score(planColombiaEradication())).isZero();
        assertThat(score(maritimeStrikeOffVenezuela().legal(LegalBasis.CONGRESSIONAL_AUTHORIZATION)))
                .isLessThan(score(maritimeStrikeOffVenezuela()));
    }
}
