package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PartnerOfficialTarget;
import org.balloon.contracts.Stage;
import org.balloon.contracts.Theater;
import org.junit.jupiter.api.Test;

/**
 * One property per mechanism of model 2026.2, on seeded random actions (ScoringPropertiesTest's
 * generator): changing only the mechanism's field moves only the criteria the mechanism is about,
 * and only in its direction. Each check names the action's index, so a failure can be rebuilt.
 */
class MechanismPropertiesTest {

    static final int TRIES = ScoringPropertiesTest.TRIES;

    enum Direction { UP, DOWN }

    /**
     * For random actions shaped by {@code given}, compares {@code from} with {@code to} (both applied to
     * the same action): criteria outside {@code moves} must not change; those inside may change only
     * in their direction; and at least once over the run, each must actually move (the property is not vacuous).
     */
    static void changingOnly(UnaryOperator<ActionBuilder> given, UnaryOperator<ActionBuilder> from,
            UnaryOperator<ActionBuilder> to, Map<Criterion, Direction> moves) {
        Random r = new Random(ScoringPropertiesTest.SEED);
        Set<Criterion> moved = EnumSet.noneOf(Criterion.class);
        for (int i = 0; i < TRIES; i++) {
            ActionBuilder a = given.apply(ScoringPropertiesTest.randomAction(r));
            Map<Criterion, Integer> before = scores(from.apply(ActionBuilder.from(a.build())));
            Map<Criterion, Integer> after = scores(to.apply(ActionBuilder.from(a.build())));
            for (Criterion c : Criterion.values()) {
                int delta = after.get(c) - before.get(c);
                Direction allowed = moves.get(c);
                String what = "action #" + i + ", " + c;
                if (allowed == null) {
                    assertThat(delta).as(what + " must not move").isZero();
                } else if (allowed == Direction.UP) {
                    assertThat(delta).as(what + " may only rise").isGreaterThanOrEqualTo(0);
                } else {
                    assertThat(delta).as(what + " may only fall").isLessThanOrEqualTo(0);
                }
                if (delta != 0) {
                    moved.add(c);
                }
            }
        }
        assertThat(moved).as("criteria the mechanism moved at least once").containsExactlyInAnyOrderElementsOf(moves.keySet());
    }

    static Map<Criterion, Integer> scores(ActionBuilder b) {
        Map<Criterion, Integer> m = new EnumMap<>(Criterion.class);
        for (CriterionScore s : EngineFixture.ENGINE.score(b.build()).criteria()) {
            m.put(s.criterion(), s.score());
        }
        return m;
    }

    static Map<Criterion, Direction> up(Criterion... cs) {
        Map<Criterion, Direction> m = new EnumMap<>(Criterion.class);
        for (Criterion c : cs) {
            m.put(c, Direction.UP);
        }
        return m;
    }

    @Test
    void notTellingThePartnerBeforehandOnlyRaisesSovereigntyFriction() {
        // SF-10 (Cienfuegos 2020)
        changingOnly(b -> b.country("MX"), b -> b.informed(true), b -> b.informed(false), up(Criterion.SOVEREIGNTY_FRICTION));
        changingOnly(b -> b.country("MX"), b -> b.informed(null), b -> b.informed(false), up(Criterion.SOVEREIGNTY_FRICTION));
    }

    @Test
    void targetingAPartnersServingOfficialOnlyRaisesSovereigntyFrictionAndPolicyIncoherence() {
        // SF-11 (Cienfuegos 2020; Treasury 2025) and PI-12 (Treasury 2025)
        changingOnly(b -> b.country("CO"), b -> b.official(PartnerOfficialTarget.NOT_AN_OFFICIAL),
                b -> b.official(PartnerOfficialTarget.SERVING_OFFICIAL),
                up(Criterion.SOVEREIGNTY_FRICTION, Criterion.POLICY_INCOHERENCE));
    }

    @Test
    void targetingAPartnersFormerOfficialOnlyRaisesSovereigntyFriction() {
        changingOnly(b -> b.country("MX"), b -> b.official(null), b -> b.official(PartnerOfficialTarget.FORMER_OFFICIAL),
                up(Criterion.SOVEREIGNTY_FRICTION));
    }

    @Test
    void completingTheRemovalOfANamedLeaderRaisesBacklashAndFragmentation() {
        // BA-09 (Calderón et al. 2015; Lindo & Padilla-Romo 2018), FR-09; completing also ends the open-ended
        // commitment PI-09 counts, so POLICY_INCOHERENCE may only fall
        Map<Criterion, Direction> moves = up(Criterion.BACKLASH, Criterion.FRAGMENTATION_RISK);
        moves.put(Criterion.POLICY_INCOHERENCE, Direction.DOWN);
        changingOnly(b -> b.type(ActionType.LEADERSHIP_TARGETING).organizations("Sinaloa Cartel"),
                b -> b.stage(Stage.ONGOING), b -> b.stage(Stage.COMPLETED), moves);
    }

    @Test
    void killingRatherThanCapturingALeaderNeverLowersAnythingAndAddsFragmentation() {
        // FR-10 (Dickenson 2014), on top of what lethal force already raises under 2026.1
        changingOnly(b -> b.type(ActionType.LEADERSHIP_TARGETING), b -> b.lethal(false), b -> b.lethal(true),
                up(Criterion.FRAGMENTATION_RISK, Criterion.SOVEREIGNTY_FRICTION, Criterion.BACKLASH, Criterion.LEGAL_EXPOSURE));
        Random r = new Random(ScoringPropertiesTest.SEED);
        for (int i = 0; i < TRIES; i++) {
            ActionBuilder a = ScoringPropertiesTest.randomAction(r).type(ActionType.LEADERSHIP_TARGETING).lethal(true);
            assertThat(MechanismsTest.fired(EngineFixture.ENGINE, a, Criterion.FRAGMENTATION_RISK)).as("action #%d", i).contains("FR-10");
        }
    }

    @Test
    void lethalForceInTheAirRatherThanOnLandOnlyRaisesLegalExposure() {
        // LE-11 (CIA OIG 2008, Peru)
        changingOnly(b -> b.lethal(true), b -> b.theater(Theater.LAND), b -> b.theater(Theater.AIRSPACE), up(Criterion.LEGAL_EXPOSURE));
    }

    @Test
    void sprayingFromTheAirRatherThanEradicatingOnTheGroundOnlyRaisesLegalExposure() {
        // LE-13 (ICJ, Ecuador v. Colombia); lethal force left out so that LE-11 cannot fire
        changingOnly(b -> b.type(ActionType.CROP_ERADICATION).lethal(false), b -> b.theater(Theater.LAND),
                b -> b.theater(Theater.AIRSPACE), up(Criterion.LEGAL_EXPOSURE));
    }

    @Test
    void shorteningAlternativeDevelopmentBelowThreeYearsOnlyRaisesPolicyIncoherenceAndDisplacement() {
        // PI-11, DI-11 (SIGAR 2018); from 36-47 months (below PI-06's 48) down to 0-35 months
        Random months = new Random(ScoringPropertiesTest.SEED + 1);
        int[] span = new int[2];
        changingOnly(b -> {
                    span[0] = 36 + months.nextInt(12);
                    span[1] = months.nextInt(36);
                    return b.type(ActionType.ALTERNATIVE_DEVELOPMENT);
                }, b -> b.months(span[0]), b -> b.months(span[1]),
                up(Criterion.POLICY_INCOHERENCE, Criterion.DISPLACEMENT));
    }

    @Test
    void pairingEradicationWithLivelihoodsLowersOnlyBacklashNotDisplacement() {
        // DI-10 (Mansfield 2019): the livelihood package no longer lowers DISPLACEMENT for eradication
        Map<Criterion, Direction> moves = new EnumMap<>(Criterion.class);
        moves.put(Criterion.BACKLASH, Direction.DOWN);
        changingOnly(b -> b.type(ActionType.CROP_ERADICATION), b -> b.livelihoods(false), b -> b.livelihoods(true), moves);
    }

    @Test
    void pressingAPartnerFromTheUsSideWithoutItsConsentOnlyRaisesSovereigntyFrictionAndPolicyIncoherence() {
        // SF-12 and, for short interdiction campaigns, PI-13 (Doyle 2003; Craig 1980: Operation Intercept)
        changingOnly(b -> b.type(ActionType.BORDER_INTERDICTION).country("MX").theater(Theater.US_DOMESTIC).months(1),
                b -> b.consent(PartnerConsent.NOT_APPLICABLE), b -> b.consent(PartnerConsent.NONE),
                up(Criterion.SOVEREIGNTY_FRICTION, Criterion.POLICY_INCOHERENCE));
    }

    @Test
    void theNewModelNeverScoresACriterionLowerThanTheOldOneAndDiffersOnlyWhereANewRuleFired() {
        // 2026.2 only adds aggravating rules: an upgrade can raise a criterion, never lower it
        Random r = new Random(ScoringPropertiesTest.SEED);
        for (int i = 0; i < TRIES; i++) {
            ActionBuilder a = ScoringPropertiesTest.randomAction(r);
            List<CriterionScore> now = EngineFixture.ENGINE.score(a.build()).criteria();
            List<CriterionScore> before = EngineFixture.PREVIOUS.score(a.build()).criteria();
            for (int c = 0; c < now.size(); c++) {
                boolean newRuleFired = now.get(c).factors().stream().anyMatch(f -> !ruleOf2026_1(f.rule()));
                assertThat(now.get(c).score()).as("action #%d, %s", i, now.get(c).criterion())
                        .isGreaterThanOrEqualTo(before.get(c).score());
                if (!newRuleFired) {
                    assertThat(now.get(c)).as("action #%d, %s", i, now.get(c).criterion()).isEqualTo(before.get(c));
                }
            }
        }
    }

    private static boolean ruleOf2026_1(String id) {
        return EngineFixture.PREVIOUS.criteria().stream().flatMap(c -> c.rules().stream()).anyMatch(rule -> rule.id().equals(id));
    }
}
