package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.scoring.engine.ArticleActions.*;

import java.util.stream.Stream;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Stage;
import org.junit.jupiter.api.Test;

class PolicyIncoherenceTest extends CriterionTable {

    @Override
    Criterion criterion() {
        return Criterion.POLICY_INCOHERENCE;
    }

    @Override
    Stream<Row> table() {
        return Stream.of(
                row("Plan Colombia: DEA and DOD, many agencies, across administrations", planColombiaEradication(),
                        fires("PI-01", "PI-03", "PI-06"), silent("PI-05")),
                row("Afghan eradication: rivalry and one short season", afghanPoppyEradication(),
                        fires("PI-01", "PI-03", "PI-05"), silent("PI-06")),
                row("FTO designations: counterterrorism eclipsing counternarcotics, by executive order", ftoDesignations(),
                        fires("PI-01", "PI-04", "PI-07"), silent("PI-03")),
                row("maritime strikes off Venezuela: DOD-led armed-conflict framing", maritimeStrikeOffVenezuela(),
                        fires("PI-04"), silent("PI-01", "PI-03")),
                row("capture of El Chapo: one agency", elChapoCapture(), fires(), silent("PI-01", "PI-03", "PI-04")),
                row("an ongoing Mérida without a horizon", meridaInitiative().months(null).stage(Stage.ONGOING),
                        fires("PI-01", "PI-09"), silent("PI-06")),
                row("contrast: ONDCP-coordinated harm reduction", harmReductionAtHome().lead(Agency.ONDCP), fires("PI-10"),
                        silent("PI-01", "PI-04")));
    }

    @Test
    void rivalryAndShortHorizonsRaiseIncoherence() {
        assertThat(score(afghanPoppyEradication())).isGreaterThan(score(elChapoCapture()));
        assertThat(score(afghanPoppyEradication().months(8))).isGreaterThan(score(afghanPoppyEradication().months(24)));
        assertThat(score(ftoDesignations())).isGreaterThan(score(ftoDesignations().lead(Agency.ONDCP).agencies(Agency.ONDCP)));
    }
}
