package org.balloon.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.Factor;
import org.balloon.contracts.TolerantReader;
import org.balloon.gateway.domain.CriterionScores;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.domain.StoredScore;
import org.balloon.gateway.domain.Timeline;
import org.balloon.gateway.persistence.ScoreStore;

/** Builds a country's or an organisation's timeline from the score store: two queries, whatever its length. */
@ApplicationScoped
public class Timelines {

    private final ScoreStore store;
    // stored scores were written by a scoring service that may be newer than this gateway: skip what it added
    private final ObjectReader reader;

    public Timelines(ScoreStore store, ObjectMapper mapper) {
        this.store = store;
        this.reader = TolerantReader.of(mapper, ActionScore.class, field -> {
        });
    }

    /** {@code filter} names a country or an organisation and, optionally, a model version. */
    public Timeline of(ScoreFilter filter, int limit) {
        List<StoredScore> newestFirst = store.latestInTimeline(filter, limit + 1);
        boolean truncated = newestFirst.size() > limit;
        List<StoredScore> rows = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        Collections.reverse(rows);

        List<Timeline.Item> items = new ArrayList<>(rows.size());
        Set<UUID> citedIds = new LinkedHashSet<>();
        for (StoredScore row : rows) {
            Timeline.Item item = item(row, read(row));
            items.add(item);
            item.historyFactors().forEach(f -> citedIds.addAll(f.cites()));
        }
        Map<UUID, Timeline.CitedAction> cited = new LinkedHashMap<>();
        for (StoredScore row : store.scoresOf(citedIds, filter.modelVersion())) {
            ActionScore score = read(row);
            cited.put(row.actionId(), new Timeline.CitedAction(row.actionId(), row.occurredOn(), title(score), type(score),
                    row.country(), score.overall(), score.band()));
        }
        return new Timeline(filter.country(), filter.organization(), items, cited, truncated);
    }

    private static Timeline.Item item(StoredScore row, ActionScore score) {
        List<Timeline.HistoryFactor> history = new ArrayList<>();
        for (CriterionScore cs : score.criteria() == null ? List.<CriterionScore>of() : score.criteria()) {
            for (Factor f : cs == null || cs.factors() == null ? List.<Factor>of() : cs.factors()) {
                // only history factors cite earlier actions (Factor.cites); the action's own rules do not
                if (f != null && f.cites() != null) {
                    history.add(new Timeline.HistoryFactor(cs.criterion(), f.rule(), f.points(), f.evidence(), f.cites()));
                }
            }
        }
        return new Timeline.Item(row.actionId(), Long.toString(row.seq()), row.occurredOn(), title(score), type(score), row.country(),
                row.organizations(), score.overall(), score.band(), row.modelVersion(), CriterionScores.of(score),
                score.context(), history);
    }

    // the store's columns hold country, date and organisations; title and type only the score's copy of the action
    private static String title(ActionScore score) {
        return score.action() == null ? null : score.action().title();
    }

    private static ActionType type(ActionScore score) {
        return score.action() == null ? null : score.action().type();
    }

    private ActionScore read(StoredScore row) {
        try {
            return reader.readValue(row.json());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored score of " + row.actionId(), e);
        }
    }
}
