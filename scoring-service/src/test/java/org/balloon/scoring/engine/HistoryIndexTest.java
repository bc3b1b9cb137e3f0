package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PolicyAction;
import org.junit.jupiter.api.Test;

/**
 * The index the history stage keeps scores current with (issue 14), against the plain definition:
 * scoring an action against its {@code candidates} gives exactly the score against the whole record,
 * and an action entering or leaving the record changes no later score that {@code affectedBy} does
 * not name. On random records dense enough that every factor fires and hits its cap, with many
 * actions on the same day.
 */
class HistoryIndexTest {

    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    static final ScoringEngine ENGINE = HistoryFactorsTest.ENGINE;
    static final String[] COUNTRIES = {"CO", "VE", "EC", "PE", "MX", "GT", "PA", "US"};
    static final String[] ORGS = {"Sinaloa Cartel", "CJNG", "Clan del Golfo", "Tren de Aragua"};
    static final Agency[] AGENCIES = {Agency.DOD, Agency.DEA, Agency.STATE, Agency.USAID, Agency.OTHER};
    static final ActionType[] TYPES = ActionType.values();

    private static PolicyAction random(Random r, int n) {
        ActionBuilder b = ActionBuilder.action("action " + (char) ('a' + r.nextInt(26)) + n, TYPES[r.nextInt(TYPES.length)],
                COUNTRIES[r.nextInt(COUNTRIES.length)])
                .id(new UUID(r.nextLong(), r.nextLong()))
                // twelve years of days, with many actions on the same day
                .occurredOn(LocalDate.of(2010, 1, 1).plusDays(r.nextInt(12 * 365) / 7 * 7))
                .lead(AGENCIES[r.nextInt(AGENCIES.length)])
                .consent(r.nextBoolean() ? PartnerConsent.NONE : PartnerConsent.FULL)
                .lethal(r.nextInt(3) == 0);
        if (r.nextInt(4) > 0) {
            b.organizations(ORGS[r.nextInt(ORGS.length)]);
        }
        return b.build();
    }

    private static List<PolicyAction> record(Random r, int size) {
        List<PolicyAction> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(random(r, i));
        }
        return out;
    }

    /** The plain definition: the action against every other action of the record, in the record's order. */
    private static ActionScore wholeRecord(PolicyAction action, List<PolicyAction> record) {
        List<PolicyAction> earlier = record.stream().filter(e -> !e.id().equals(action.id()))
                .sorted(Comparator.comparing(HistoryIndex::order)).toList();
        return ENGINE.score(action, AT, earlier);
    }

    private static Map<UUID, ActionScore> scores(List<PolicyAction> record) {
        Map<UUID, ActionScore> out = new HashMap<>();
        record.forEach(a -> out.put(a.id(), wholeRecord(a, record)));
        return out;
    }

    private static HistoryIndex index(List<PolicyAction> record) {
        HistoryIndex index = new HistoryIndex(ENGINE.history());
        record.forEach(index::put);
        return index;
    }

    @Test
    void scoringAgainstTheCandidatesGivesTheScoreAgainstTheWholeRecord() {
        Random r = new Random(14);
        List<PolicyAction> record = record(r, 600);
        HistoryIndex index = index(record);
        int capped = 0;
        for (PolicyAction a : record) {
            ActionScore whole = wholeRecord(a, record);
            assertThat(ENGINE.score(a, AT, index.candidates(a))).as(a.title()).isEqualTo(whole);
            capped += whole.context() != null && whole.toString().contains("at least") ? 1 : 0;
        }
        // the record is dense enough that factors reach the nearest they rest on
        assertThat(capped).isGreaterThan(100);
    }

    @Test
    void anActionEnteringOrLeavingChangesOnlyLaterScoresThatAffectedByNames() {
        Random r = new Random(15);
        List<PolicyAction> record = record(r, 400);
        Map<UUID, ActionScore> before = scores(record);
        int changedAtAll = 0;
        for (int round = 0; round < 25; round++) {
            PolicyAction arriving = random(r, 1000 + round);
            List<PolicyAction> with = new ArrayList<>(record);
            with.add(arriving);
            HistoryIndex index = index(with);
            List<UUID> named = index.affectedBy(arriving).stream().map(PolicyAction::id).toList();
            Map<UUID, ActionScore> after = scores(with);
            for (PolicyAction b : record) {
                if (!after.get(b.id()).equals(before.get(b.id()))) {
                    changedAtAll++;
                    assertThat(named).as("%s changed by %s", b.title(), arriving.title()).contains(b.id());
                    assertThat(b.occurredOn()).isAfter(arriving.occurredOn());
                }
            }
            // and leaving: the index without it names the same later actions
            index.remove(arriving.id().toString());
            assertThat(index.affectedBy(arriving).stream().map(PolicyAction::id).toList()).isEqualTo(named);
        }
        assertThat(changedAtAll).isGreaterThan(25);
    }

    @Test
    void whatAffectedByNamesStaysFewOnADenseRecord() {
        // 3 000 pressure actions on one country within a year, the shape of the benchmark's batches
        List<PolicyAction> record = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            record.add(ActionBuilder.action("dense " + i, ActionType.MARITIME_INTERDICTION, "PA")
                    .id(new UUID(0, i)).occurredOn(LocalDate.of(2025, 9, 2).plusDays(i % 300))
                    .lead(Agency.DOD).consent(PartnerConsent.NONE).lethal(i % 2 == 0).organizations("Tren de Aragua").build());
        }
        HistoryIndex index = index(record);
        // one back-dated arrival a day for 100 days, wherever each lands among its day's ten
        int reached = 0;
        for (int d = 0; d < 100; d++) {
            LocalDate day = LocalDate.of(2025, 9, 2).plusDays(d);
            PolicyAction backDated = ActionBuilder.action("back-dated " + d, ActionType.MARITIME_INTERDICTION, "PA")
                    .id(new UUID(1, d)).occurredOn(day).lead(Agency.DOD).consent(PartnerConsent.NONE).lethal(d % 2 == 0).build();
            index.put(backDated);
            List<PolicyAction> affected = index.affectedBy(backDated);
            // only the next days' actions can rest on it (the next lethal day for BA-10), never the 2 900 later ones
            assertThat(affected).hasSizeLessThanOrEqualTo(20)
                    .allSatisfy(a -> assertThat(a.occurredOn()).isBetween(day.plusDays(1), day.plusDays(2)));
            assertThat(index.candidates(backDated)).hasSizeLessThanOrEqualTo(20);
            reached += affected.size();
            index.remove(backDated.id().toString());
        }
        // as often as chance puts a newcomer among the nearest of its day: about what the factors rest on
        // (3 + 4 + 3 + 1 of a day's ten), not every next-day action every time
        assertThat(reached).isPositive().isLessThan(100 * 10);
    }
}
