package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.scoring.engine.ActionBuilder.action;

import java.time.LocalDate;
import java.util.List;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Factor;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PartnerOfficialTarget;
import org.balloon.contracts.Stage;
import org.balloon.contracts.Substance;
import org.balloon.contracts.Theater;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The mechanisms model 2026.2 adds, each on the real cases the literature or the official record
 * describes, scored under 2026.1 (EngineFixture.PREVIOUS) and 2026.2 (EngineFixture.ENGINE). The
 * field values are a plain encoding of the public record; where a detail is not on record the
 * field is left "not stated".
 */
class MechanismsTest {

    // ---- the cases ----

    /** Mexican marines kill Arturo Beltrán Leyva in Cuernavaca, December 2009 (a leader killed, not captured). */
    static ActionBuilder beltranLeyvaKilled() {
        return action("Arturo Beltrán Leyva killed in a raid in Cuernavaca", ActionType.LEADERSHIP_TARGETING, "MX")
                .occurredOn(LocalDate.of(2009, 12, 16)).theater(Theater.LAND).consent(PartnerConsent.FULL)
                .lethal(true).organizations("Beltrán Leyva Organization").stage(Stage.COMPLETED);
    }

    /** Former defence secretary Salvador Cienfuegos arrested at Los Angeles airport, October 2020; Mexico not told. */
    static ActionBuilder cienfuegosArrest() {
        return action("Arrest of Mexico's former defence secretary Salvador Cienfuegos in Los Angeles",
                ActionType.LEADERSHIP_TARGETING, "MX").occurredOn(LocalDate.of(2020, 10, 15)).theater(Theater.US_DOMESTIC)
                .consent(PartnerConsent.NOT_APPLICABLE).lead(Agency.DEA).agencies(Agency.DEA, Agency.DOJ)
                .official(PartnerOfficialTarget.FORMER_OFFICIAL).informed(false).stage(Stage.COMPLETED);
    }

    /** Ismael "El Mayo" Zambada taken into custody on landing near El Paso, July 2024; Mexico said it had not been told. */
    static ActionBuilder zambadaArrest() {
        return action("Arrest of Ismael \"El Mayo\" Zambada near El Paso", ActionType.LEADERSHIP_TARGETING, "MX")
                .occurredOn(LocalDate.of(2024, 7, 25)).theater(Theater.US_DOMESTIC).consent(PartnerConsent.NOT_APPLICABLE)
                .organizations("Sinaloa Cartel").official(PartnerOfficialTarget.NOT_AN_OFFICIAL).informed(false)
                .stage(Stage.COMPLETED);
    }

    /** Operation Intercept, 21 September to October 1969: inspections that all but closed the border to press Mexico. */
    static ActionBuilder operationIntercept() {
        return action("Operation Intercept", ActionType.BORDER_INTERDICTION, "MX").occurredOn(LocalDate.of(1969, 9, 21))
                .theater(Theater.US_DOMESTIC).consent(PartnerConsent.NONE).lead(Agency.TREASURY)
                .agencies(Agency.TREASURY, Agency.DOJ).substances(Substance.CANNABIS, Substance.HEROIN).months(1)
                .stage(Stage.COMPLETED);
    }

    /** The Peru air bridge denial programme's shoot-down of a missionary plane, 20 April 2001 (two killed). */
    static ActionBuilder peruShootDown() {
        return action("Peruvian Air Force shoots down a plane tracked by a CIA surveillance crew", ActionType.MILITARY_STRIKE, "PE")
                .occurredOn(LocalDate.of(2001, 4, 20)).theater(Theater.AIRSPACE).consent(PartnerConsent.FULL)
                .agencies(Agency.CIA).lethal(true).fatalities(2).civilianHarm(true).stage(Stage.COMPLETED);
    }

    /** Operation Anvil, Ahuas (Honduras), 11 May 2012: a joint DEA/Honduran police interdiction; four civilians killed on a river boat. */
    static ActionBuilder ahuasShooting() {
        return action("Operation Anvil interdiction at Ahuas", ActionType.MARITIME_INTERDICTION, "HN")
                .occurredOn(LocalDate.of(2012, 5, 11)).theater(Theater.TERRITORIAL_WATERS).consent(PartnerConsent.FULL)
                .lead(Agency.DEA).agencies(Agency.DEA, Agency.STATE).lethal(true).fatalities(4).civilianHarm(true)
                .substances(Substance.COCAINE).stage(Stage.COMPLETED);
    }

    /** Helmand Food Zone (from 2008): wheat seed and fertiliser for farmers who stop poppy, with eradication. */
    static ActionBuilder helmandFoodZone() {
        return action("Helmand Food Zone", ActionType.CROP_ERADICATION, "AF").occurredOn(LocalDate.of(2008, 9, 1))
                .theater(Theater.LAND).consent(PartnerConsent.FULL).substances(Substance.OPIUM).livelihoods(true)
                .stage(Stage.COMPLETED);
    }

    /** Alternative development on a one- or two-year horizon, the pattern SIGAR (2018) reports in Afghanistan. */
    static ActionBuilder shortAlternativeDevelopment() {
        return action("Two-year alternative livelihoods project for poppy farmers", ActionType.ALTERNATIVE_DEVELOPMENT, "AF")
                .occurredOn(LocalDate.of(2010, 3, 1)).theater(Theater.LAND).consent(PartnerConsent.FULL).lead(Agency.USAID)
                .livelihoods(true).months(24).stage(Stage.COMPLETED);
    }

    /** OFAC designates Colombia's sitting president Gustavo Petro, 24 October 2025. */
    static ActionBuilder petroSanctions() {
        return action("OFAC designation of President Gustavo Petro", ActionType.FINANCIAL_SANCTIONS, "CO")
                .occurredOn(LocalDate.of(2025, 10, 24)).theater(Theater.FINANCIAL).consent(PartnerConsent.NONE)
                .lead(Agency.TREASURY).official(PartnerOfficialTarget.SERVING_OFFICIAL).legal(LegalBasis.EXECUTIVE_ORDER)
                .stage(Stage.COMPLETED);
    }

    // ---- helpers ----

    static List<String> fired(ScoringEngine engine, ActionBuilder a, Criterion c) {
        return EngineFixture.criterion(engine.score(a.build()), c).factors().stream().map(Factor::rule).toList();
    }

    static int now(ActionBuilder a, Criterion c) {
        return EngineFixture.criterion(EngineFixture.ENGINE.score(a.build()), c).score();
    }

    static int before(ActionBuilder a, Criterion c) {
        return EngineFixture.criterion(EngineFixture.PREVIOUS.score(a.build()), c).score();
    }

    @Nested
    class LeaderRemovalHurtsBystanders {

        @Test
        void aConsentedNonLethalCaptureOfElChapoNowCountsTheCivilianHomicidesThatFollowLeaderRemovals() {
            // Calderón et al. (2015): removals raise homicides of the general population, not only traffickers';
            // Lindo & Padilla-Romo (2018): large, sustained rises where the kingpin is captured
            ActionBuilder chapo = ArticleActions.elChapoCapture();
            assertThat(before(chapo, Criterion.BACKLASH)).isZero();
            assertThat(fired(EngineFixture.ENGINE, chapo, Criterion.BACKLASH)).containsExactly("BA-09");
            assertThat(now(chapo, Criterion.BACKLASH)).isEqualTo(20);
        }

        @Test
        void aProposedOrUnnamedTargetingRemovesNoLeaderYet() {
            assertThat(fired(EngineFixture.ENGINE, ArticleActions.elChapoCapture().stage(Stage.PROPOSED), Criterion.BACKLASH))
                    .doesNotContain("BA-09");
            assertThat(fired(EngineFixture.ENGINE, cienfuegosArrest(), Criterion.BACKLASH)).doesNotContain("BA-09");
        }

        @Test
        void killingALeaderAsWithBeltranLeyvaFragmentsMoreThanCapturingHim() {
            // Dickenson (2014): killing leaders is associated with more violence than capturing them
            ActionBuilder killed = beltranLeyvaKilled();
            ActionBuilder captured = beltranLeyvaKilled().lethal(false);
            assertThat(fired(EngineFixture.ENGINE, killed, Criterion.FRAGMENTATION_RISK)).contains("FR-10");
            assertThat(fired(EngineFixture.ENGINE, captured, Criterion.FRAGMENTATION_RISK)).doesNotContain("FR-10");
            assertThat(now(killed, Criterion.FRAGMENTATION_RISK) - now(captured, Criterion.FRAGMENTATION_RISK))
                    .isGreaterThan(before(killed, Criterion.FRAGMENTATION_RISK) - before(captured, Criterion.FRAGMENTATION_RISK));
        }
    }

    @Nested
    class FrictionWithoutBootsOnTheGround {

        @Test
        void arrestingCienfuegosOnUsSoilWithoutTellingMexicoIsFrictionThatScoredZeroBefore() {
            // DOJ & FGR (2020): the charges were dropped within weeks to save the law-enforcement partnership
            assertThat(before(cienfuegosArrest(), Criterion.SOVEREIGNTY_FRICTION)).isZero();
            assertThat(fired(EngineFixture.ENGINE, cienfuegosArrest(), Criterion.SOVEREIGNTY_FRICTION))
                    .containsExactly("SF-10", "SF-11");
            assertThat(now(cienfuegosArrest(), Criterion.SOVEREIGNTY_FRICTION)).isEqualTo(40);
        }

        @Test
        void zambadaTakenOnUsSoilWithoutTellingMexicoIsFrictionAndALeaderRemoval() {
            assertThat(fired(EngineFixture.ENGINE, zambadaArrest(), Criterion.SOVEREIGNTY_FRICTION)).containsExactly("SF-10");
            assertThat(fired(EngineFixture.ENGINE, zambadaArrest(), Criterion.BACKLASH)).contains("BA-09");
        }

        @Test
        void tellingThePartnerBeforehandRemovesTheFriction() {
            assertThat(fired(EngineFixture.ENGINE, zambadaArrest().informed(true), Criterion.SOVEREIGNTY_FRICTION)).isEmpty();
        }

        @Test
        void operationInterceptPressedMexicoFromTheUsSideAndWasDroppedWithinWeeks() {
            // Doyle (2003), Craig (1980): unilateral pressure on Mexico at the border, about three weeks long
            ActionBuilder intercept = operationIntercept();
            assertThat(before(intercept, Criterion.SOVEREIGNTY_FRICTION)).isZero();
            assertThat(fired(EngineFixture.ENGINE, intercept, Criterion.SOVEREIGNTY_FRICTION)).containsExactly("SF-12");
            assertThat(fired(EngineFixture.ENGINE, intercept, Criterion.POLICY_INCOHERENCE)).contains("PI-13");
            // sustained and agreed border work is neither
            assertThat(fired(EngineFixture.ENGINE, intercept.consent(PartnerConsent.FULL).months(24), Criterion.POLICY_INCOHERENCE))
                    .doesNotContain("PI-13");
        }
    }

    @Nested
    class LegalExposureBeyondTheArmedConflictClaim {

        @Test
        void thePeruShootDownOfAMissionaryPlaneIsExposedThoughPeruConsented() {
            // CIA OIG (2008): the intercept procedures that should have identified the plane were routinely disregarded
            ActionBuilder shootDown = peruShootDown();
            assertThat(fired(EngineFixture.ENGINE, shootDown, Criterion.LEGAL_EXPOSURE)).contains("LE-11", "LE-12");
            assertThat(now(shootDown, Criterion.LEGAL_EXPOSURE)).isGreaterThan(before(shootDown, Criterion.LEGAL_EXPOSURE));
        }

        @Test
        void deathsInThePartnerLedAhuasOperationExposeTheUsAgenciesTakingPart() {
            // DOJ OIG & State OIG (2017): DEA's and State's post-incident reviews were inadequate
            assertThat(fired(EngineFixture.ENGINE, ahuasShooting(), Criterion.LEGAL_EXPOSURE)).contains("LE-12");
            assertThat(fired(EngineFixture.ENGINE, ahuasShooting().lethal(false), Criterion.LEGAL_EXPOSURE)).doesNotContain("LE-12");
        }

        @Test
        void planColombiasAerialSprayingCarriesTheCrossBorderCaseButItsCongressionalBasisKeepsItsScore() {
            // ICJ, Aerial Herbicide Spraying (Ecuador v. Colombia), 2008-2013. The article's own example keeps its
            // score: LE-13 (+15) is offset by LE-09 (-15), Congress having authorised Plan Colombia.
            ActionBuilder planColombia = ArticleActions.planColombiaEradication();
            assertThat(fired(EngineFixture.ENGINE, planColombia, Criterion.LEGAL_EXPOSURE)).containsExactly("LE-09", "LE-13");
            assertThat(now(planColombia, Criterion.LEGAL_EXPOSURE)).isEqualTo(before(planColombia, Criterion.LEGAL_EXPOSURE)).isZero();
            assertThat(now(planColombia.legal(LegalBasis.NONE_STATED), Criterion.LEGAL_EXPOSURE))
                    .isEqualTo(before(planColombia.legal(LegalBasis.NONE_STATED), Criterion.LEGAL_EXPOSURE) + 15);
            // eradication by hand on the ground drifts nowhere
            assertThat(fired(EngineFixture.ENGINE, ArticleActions.afghanPoppyEradication(), Criterion.LEGAL_EXPOSURE))
                    .doesNotContain("LE-13");
        }
    }

    @Nested
    class TheHorizonMatters {

        @Test
        void twoYearsOfAlternativeDevelopmentIsTooShortToLast() {
            // SIGAR (2018): too short-term, no sustainable alternatives, sometimes even feeding production
            ActionBuilder shortTerm = shortAlternativeDevelopment();
            assertThat(fired(EngineFixture.ENGINE, shortTerm, Criterion.POLICY_INCOHERENCE)).contains("PI-11");
            assertThat(fired(EngineFixture.ENGINE, shortTerm, Criterion.DISPLACEMENT)).contains("DI-11");
            assertThat(before(shortTerm, Criterion.POLICY_INCOHERENCE)).isZero();
            // the article's own contrast (60 months) is long enough and keeps its score
            ActionBuilder longTerm = ArticleActions.alternativeDevelopmentColombia();
            assertThat(fired(EngineFixture.ENGINE, longTerm, Criterion.POLICY_INCOHERENCE)).doesNotContain("PI-11");
            assertThat(fired(EngineFixture.ENGINE, longTerm, Criterion.DISPLACEMENT)).doesNotContain("DI-11");
        }
    }

    @Nested
    class LivelihoodsAloneDoNotStopDisplacement {

        @Test
        void theHelmandFoodZonesLivelihoodPackageDoesNotLowerDisplacement() {
            // Mansfield (2019): the land-poor moved poppy into the former desert
            // (builders are mutable: a fresh one for each variant)
            assertThat(fired(EngineFixture.ENGINE, helmandFoodZone(), Criterion.DISPLACEMENT)).contains("DI-08", "DI-10");
            assertThat(now(helmandFoodZone(), Criterion.DISPLACEMENT))
                    .isEqualTo(now(helmandFoodZone().livelihoods(false), Criterion.DISPLACEMENT));
            assertThat(before(helmandFoodZone(), Criterion.DISPLACEMENT))
                    .isLessThan(before(helmandFoodZone().livelihoods(false), Criterion.DISPLACEMENT));
            // livelihoods still lower the backlash eradication causes
            assertThat(now(helmandFoodZone(), Criterion.BACKLASH)).isLessThan(now(helmandFoodZone().livelihoods(false), Criterion.BACKLASH));
        }
    }

    @Nested
    class IncoherentPrioritiesBetweenAllies {

        @Test
        void sanctioningColombiasSittingPresidentWorksAgainstThePartnerTheSupplyStrategyRelies() {
            // Treasury (2025): OFAC designated the president of the partner whose forces carry the coca strategy
            ActionBuilder petro = petroSanctions();
            assertThat(fired(EngineFixture.ENGINE, petro, Criterion.POLICY_INCOHERENCE)).contains("PI-12");
            assertThat(fired(EngineFixture.ENGINE, petro, Criterion.SOVEREIGNTY_FRICTION)).contains("SF-06", "SF-11");
            ActionScore now = EngineFixture.ENGINE.score(petro.build());
            ActionScore before = EngineFixture.PREVIOUS.score(petro.build());
            assertThat(now.overall()).isGreaterThan(before.overall());
            // sanctioning a former official is friction, not a split with the serving partner
            assertThat(fired(EngineFixture.ENGINE, petro.official(PartnerOfficialTarget.FORMER_OFFICIAL), Criterion.POLICY_INCOHERENCE))
                    .doesNotContain("PI-12");
        }
    }
}
