package org.balloon.gateway.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
import org.balloon.gateway.domain.Aggregates;
import org.balloon.gateway.domain.BatchResult;
import org.balloon.gateway.domain.CriterionScores;
import org.balloon.gateway.domain.ScoreWrite;
import org.balloon.gateway.domain.GroupBy;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.domain.StoreResult;
import org.balloon.gateway.domain.StoredScore;

/**
 * The gateway's score store, in plain JDBC: upserts by (action id, model version) and the
 * queries, filters and aggregates of the public API, all computed by PostgreSQL.
 */
@ApplicationScoped
public class ScoreStore {

    /** Upper bound of rows or groups any single query answers. */
    public static final int MAX_ROWS = 500;

    /** Rows an export fetches from PostgreSQL at a time. */
    static final int FETCH_SIZE = 500;

    private static final String COLUMNS = "seq, action_id, model_version, overall, country, action_type, occurred_on, "
            + "organizations, agencies, retracted, score_json::text AS score_json";

    /**
     * Which of an action's scores counts when no model version is asked for: the active version's,
     * failing that the one stored last. One place, so a timeline shows what {@link #scoreOf} answers.
     */
    private static final String ACTIVE_FIRST =
            "(s.model_version = (SELECT model_version FROM scores ORDER BY seq DESC LIMIT 1)) DESC, s.seq DESC";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public ScoreStore(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    // One statement for a whole poll. Arrays of text, cast in SQL, keep the JDBC side simple;
    // organizations and agencies travel as JSON arrays (a SQL array of arrays would have to be
    // rectangular). An identical redelivery matches no row in the DO UPDATE ... WHERE, so it keeps
    // its sequence and is not streamed again; a changed score gets a new sequence and is. An older
    // record (a rescore's predecessor) never overwrites a newer score.
    private static final String UPSERT_BATCH = """
            INSERT INTO scores (action_id, model_version, scored_at, overall, band, criterion_scores, score_json,
                                country, action_type, stage, occurred_on, organizations, agencies, retracted, trace_id)
            SELECT u.action_id::uuid, u.model_version, u.scored_at::timestamptz, u.overall::integer, u.band,
                   u.criterion_scores::jsonb, u.score_json::json, u.country, u.action_type, u.stage, u.occurred_on::date,
                   ARRAY(SELECT jsonb_array_elements_text(u.organizations::jsonb)),
                   ARRAY(SELECT jsonb_array_elements_text(u.agencies::jsonb)),
                   EXISTS (SELECT 1 FROM retracted_actions r WHERE r.action_id = u.action_id::uuid), u.trace_id
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                 AS u(action_id, model_version, scored_at, overall, band, criterion_scores, score_json, country, action_type,
                      stage, occurred_on, organizations, agencies, trace_id, ord)
            ORDER BY u.ord
            ON CONFLICT (action_id, model_version) DO UPDATE SET
                seq = nextval('score_seq'), scored_at = excluded.scored_at, stored_at = now(),
                overall = excluded.overall, band = excluded.band, criterion_scores = excluded.criterion_scores,
                score_json = excluded.score_json, country = excluded.country, action_type = excluded.action_type,
                stage = excluded.stage, occurred_on = excluded.occurred_on, organizations = excluded.organizations,
                agencies = excluded.agencies, retracted = excluded.retracted, trace_id = excluded.trace_id
            WHERE scores.score_json::jsonb IS DISTINCT FROM excluded.score_json::jsonb
              AND excluded.scored_at >= scores.scored_at
            RETURNING\s""" + COLUMNS;

    /**
     * Stores one poll of the scores topic in one transaction: every score in one statement, then the
     * retractions, then how far each partition has been read. Transactions that hand out stream
     * sequences take a lock first, so they commit in the order of their sequences: a client that
     * resumes after event n never misses an event below n that committed later, however many
     * consumers or replicas share the store.
     *
     * @param nextOffsets per partition of {@code topic}, the offset to resume from after this batch
     */
    @Transactional
    public BatchResult storeBatch(List<ScoreWrite> writes, String topic, Map<Integer, Long> nextOffsets) {
        // the latest write of each (action, model version) wins, as it would one record at a time;
        // one statement must not touch a row twice
        Map<List<Object>, ScoreWrite.Upsert> upserts = new LinkedHashMap<>();
        Set<UUID> retractions = new LinkedHashSet<>();
        for (ScoreWrite w : writes) {
            if (w instanceof ScoreWrite.Upsert u) {
                List<Object> key = List.of(u.actionId(), u.score().modelVersion());
                upserts.remove(key);
                upserts.put(key, u);
            } else {
                retractions.add(w.actionId());
            }
        }
        try (Connection c = dataSource.getConnection()) {
            List<StoreResult> stored = upserts.isEmpty() ? List.of() : upsertAll(c, new ArrayList<>(upserts.values()));
            if (!retractions.isEmpty()) {
                retractAll(c, retractions);
            }
            savePositions(c, topic, nextOffsets);
            return new BatchResult(stored, retractions, 0);
        } catch (SQLException e) {
            throw new StoreException("cannot store a batch of " + writes.size() + " score records", e);
        }
    }

    /** Records how far {@code topic} has been read, on its own (after scores were stored one by one). */
    @Transactional
    public void savePositions(String topic, Map<Integer, Long> nextOffsets) {
        try (Connection c = dataSource.getConnection()) {
            savePositions(c, topic, nextOffsets);
        } catch (SQLException e) {
            throw new StoreException("cannot save the read positions of " + topic, e);
        }
    }

    /** Where to resume reading each partition of {@code topic}; empty for a fresh store. */
    public Map<Integer, Long> positions(String topic) {
        Map<Integer, Long> positions = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT kafka_partition, next_offset FROM score_positions WHERE topic = ?")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions.put(rs.getInt(1), rs.getLong(2));
                }
            }
            return positions;
        } catch (SQLException e) {
            throw new StoreException("cannot read the positions of " + topic, e);
        }
    }

    private List<StoreResult> upsertAll(Connection c, List<ScoreWrite.Upsert> upserts) throws SQLException {
        lockSequence(c);
        int n = upserts.size();
        String[][] columns = new String[14][n];
        for (int r = 0; r < n; r++) {
            ActionScore score = upserts.get(r).score();
            PolicyAction action = score.action();
            columns[0][r] = score.actionId().toString();
            columns[1][r] = score.modelVersion();
            columns[2][r] = (score.scoredAt() == null ? Instant.now() : score.scoredAt()).toString();
            columns[3][r] = Integer.toString(score.overall());
            columns[4][r] = score.band() == null ? "" : score.band().name();
            columns[5][r] = criterionScores(score);
            columns[6][r] = upserts.get(r).json();
            columns[7][r] = action == null ? null : action.targetCountry();
            columns[8][r] = action == null || action.type() == null ? null : action.type().name();
            columns[9][r] = action == null || action.stage() == null ? null : action.stage().name();
            columns[10][r] = action == null || action.occurredOn() == null ? null : action.occurredOn().toString();
            columns[11][r] = jsonArray(organizations(action));
            columns[12][r] = jsonArray(agencies(action));
            columns[13][r] = upserts.get(r).traceId();
        }
        Map<List<Object>, StoreResult> results = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(UPSERT_BATCH)) {
            for (int i = 0; i < columns.length; i++) {
                ps.setArray(i + 1, c.createArrayOf("text", columns[i]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredScore row = row(rs);
                    results.put(List.of(row.actionId(), row.modelVersion()), new StoreResult(row, true));
                }
            }
        }
        if (results.size() < n) {
            // identical redeliveries (or older records) changed nothing: they keep their row and sequence
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scores s"
                    + " JOIN unnest(?::uuid[], ?::text[]) AS k(action_id, model_version) USING (action_id, model_version)")) {
                ps.setArray(1, c.createArrayOf("uuid", upserts.stream().map(ScoreWrite.Upsert::actionId).toArray()));
                ps.setArray(2, c.createArrayOf("text", upserts.stream().map(u -> u.score().modelVersion()).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredScore row = row(rs);
                        results.putIfAbsent(List.of(row.actionId(), row.modelVersion()), new StoreResult(row, false));
                    }
                }
            }
        }
        List<StoreResult> ordered = new ArrayList<>(results.values());
        ordered.sort(java.util.Comparator.comparingLong(r -> r.score().seq()));
        return ordered;
    }

    /** Serialises the transactions that hand out stream sequences (see storeBatch). */
    private static void lockSequence(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtext('balloon-score-seq:' || current_schema()))")) {
            lock.execute();
        }
    }

    private static void retractAll(Connection c, Set<UUID> actionIds) throws SQLException {
        Array ids = c.createArrayOf("uuid", actionIds.toArray());
        try (PreparedStatement mark = c.prepareStatement(
                "INSERT INTO retracted_actions (action_id) SELECT unnest(?::uuid[]) ON CONFLICT (action_id) DO NOTHING");
                PreparedStatement hide = c.prepareStatement(
                        "UPDATE scores SET retracted = true WHERE action_id = ANY (?::uuid[]) AND NOT retracted")) {
            mark.setArray(1, ids);
            mark.executeUpdate();
            hide.setArray(1, ids);
            hide.executeUpdate();
        }
    }

    private static void savePositions(Connection c, String topic, Map<Integer, Long> nextOffsets) throws SQLException {
        if (nextOffsets.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO score_positions (topic, kafka_partition, next_offset)
                SELECT ?, p, o FROM unnest(?::integer[], ?::bigint[]) AS u(p, o)
                ON CONFLICT (topic, kafka_partition)
                DO UPDATE SET next_offset = greatest(score_positions.next_offset, excluded.next_offset)
                """)) {
            ps.setString(1, topic);
            ps.setArray(2, c.createArrayOf("integer", nextOffsets.keySet().toArray()));
            ps.setArray(3, c.createArrayOf("bigint", nextOffsets.values().toArray()));
            ps.executeUpdate();
        }
    }

    private String jsonArray(Set<String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write " + values, e);
        }
    }

    /** The active model: the version of the most recently stored score. */
    public Optional<String> activeModelVersion() {
        return queryOne("SELECT model_version FROM scores ORDER BY seq DESC LIMIT 1", List.of(), rs -> rs.getString(1));
    }

    /** The highest sequence handed out so far (0 for an empty store). */
    public long maxSequence() {
        return queryOne("SELECT coalesce(max(seq), 0) FROM scores", List.of(), rs -> rs.getLong(1)).orElse(0L);
    }

    /**
     * The score of an action under {@code modelVersion}, or when that is null, under the active
     * version and failing that under whichever version scored it last. Retracted actions have none.
     */
    public Optional<StoredScore> scoreOf(UUID actionId, String modelVersion) {
        if (modelVersion != null) {
            return queryOne("SELECT " + COLUMNS + " FROM scores WHERE action_id = ? AND model_version = ? AND NOT retracted",
                    List.of(actionId, modelVersion), ScoreStore::row);
        }
        return queryOne("SELECT " + COLUMNS + " FROM scores s WHERE action_id = ? AND NOT retracted ORDER BY " + ACTIVE_FIRST
                + " LIMIT 1", List.of(actionId), ScoreStore::row);
    }

    /**
     * The timeline of the filter's country or organisation: one score per non-retracted action (of the
     * filter's model version, or chosen as {@link #scoreOf} does), the latest {@code limit} by
     * occurredOn, then title, then action id, answered newest first.
     */
    public List<StoredScore> latestInTimeline(ScoreFilter filter, int limit) {
        Where where = where(filter, null, null);
        return queryList("SELECT * FROM (SELECT DISTINCT ON (s.action_id) " + COLUMNS
                + ", s.score_json -> 'action' ->> 'title' AS title FROM scores s WHERE " + where.sql
                + " ORDER BY s.action_id, " + ACTIVE_FIRST + ") t ORDER BY t.occurred_on DESC, t.title DESC, t.action_id DESC LIMIT ?",
                where.withArg(limit));
    }

    /** The scores of several actions in one query, of {@code modelVersion} or chosen as {@link #scoreOf} does; retracted ones are absent. */
    public List<StoredScore> scoresOf(Collection<UUID> actionIds, String modelVersion) {
        if (actionIds.isEmpty()) {
            return List.of();
        }
        Where where = where(ScoreFilter.NONE.withModelVersion(modelVersion), "action_id = ANY (?::uuid[])",
                actionIds.stream().map(UUID::toString).toArray(String[]::new));
        return queryList("SELECT DISTINCT ON (s.action_id) " + COLUMNS + " FROM scores s WHERE " + where.sql
                + " ORDER BY s.action_id, " + ACTIVE_FIRST, where.args);
    }

    /** The trace id the stored score of this action and model version came with, if any. */
    public Optional<String> traceIdOf(UUID actionId, String modelVersion) {
        return queryOne("SELECT trace_id FROM scores WHERE action_id = ? AND model_version = ?", List.of(actionId, modelVersion),
                rs -> rs.getString(1));
    }

    /** The latest scores of several actions at once (for enriching a list), keyed by action id. */
    public Map<UUID, StoredScore> latestScores(Collection<UUID> actionIds) {
        if (actionIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, StoredScore> latest = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (action_id) " + COLUMNS
                        + " FROM scores WHERE action_id = ANY (?) AND NOT retracted ORDER BY action_id, seq DESC")) {
            ps.setArray(1, c.createArrayOf("uuid", actionIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredScore s = row(rs);
                    latest.put(s.actionId(), s);
                }
            }
            return latest;
        } catch (SQLException e) {
            throw new StoreException("cannot read scores", e);
        }
    }

    /** Scores stored after {@code afterSeq}, oldest first: the stream's replay. Ignores the model version filter unless set. */
    public List<StoredScore> after(long afterSeq, ScoreFilter filter, int limit) {
        Where where = where(filter, "seq > ?", afterSeq);
        return queryList("SELECT " + COLUMNS + " FROM scores s WHERE " + where.sql + " ORDER BY seq LIMIT ?",
                where.withArg(Math.min(limit, MAX_ROWS)));
    }

    /** The newest scores first, optionally before a sequence (paging backwards). */
    public List<StoredScore> newest(ScoreFilter filter, Long beforeSeq, int limit) {
        Where where = beforeSeq == null ? where(filter, null, null) : where(filter, "seq < ?", beforeSeq);
        return queryList("SELECT " + COLUMNS + " FROM scores s WHERE " + where.sql + " ORDER BY seq DESC LIMIT ?",
                where.withArg(Math.min(limit, MAX_ROWS)));
    }

    /**
     * Hands every score {@link #newest} would list, without its page limit, to {@code sink} as
     * PostgreSQL returns them: a cursor of {@code FETCH_SIZE} rows at a time, so an export of the
     * whole store never sits in memory. {@code limit} null means all of them.
     */
    public void forEachNewest(ScoreFilter filter, Long beforeSeq, Integer limit, ScoreSink sink) throws java.io.IOException {
        Where where = beforeSeq == null ? where(filter, null, null) : where(filter, "seq < ?", beforeSeq);
        String sql = "SELECT " + COLUMNS + " FROM scores s WHERE " + where.sql + " ORDER BY seq DESC"
                + (limit == null ? "" : " LIMIT " + limit.intValue());
        try (Connection c = dataSource.getConnection()) {
            // the PostgreSQL driver only uses a cursor (fetch size) inside a transaction
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH_SIZE);
                bind(ps, where.args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot export scores", e);
        }
    }

    /** Takes exported scores one at a time (writing them out may fail). */
    @FunctionalInterface
    public interface ScoreSink {
        void accept(StoredScore score) throws java.io.IOException;
    }

    /**
     * Count, mean overall and mean per criterion of each group, over the non-retracted scores of
     * the filter's model version (which the caller resolves).
     */
    public Aggregates aggregate(GroupBy groupBy, ScoreFilter filter) {
        String key;
        String join = "";
        switch (groupBy) {
            case COUNTRY -> key = "s.country";
            case TYPE -> key = "s.action_type";
            case MONTH -> key = "to_char(s.occurred_on, 'YYYY-MM')";
            case ORGANIZATION -> {
                key = "k.key";
                join = " CROSS JOIN LATERAL unnest(s.organizations) AS k(key)";
            }
            case AGENCY -> {
                key = "k.key";
                join = " CROSS JOIN LATERAL unnest(s.agencies) AS k(key)";
            }
            default -> throw new IllegalArgumentException(groupBy.name());
        }
        Where where = where(filter, null, null);
        String sql = """
                WITH g AS (
                    SELECT %s AS key, s.overall, s.criterion_scores FROM scores s%s WHERE %s
                ),
                groups AS (
                    SELECT key, count(*) AS n, round(avg(overall), 2) AS mean_overall FROM g WHERE key IS NOT NULL GROUP BY key
                ),
                criteria AS (
                    SELECT g.key, e.key AS criterion, round(avg(e.value::numeric), 2) AS mean
                    FROM g CROSS JOIN LATERAL jsonb_each_text(g.criterion_scores) AS e
                    WHERE g.key IS NOT NULL GROUP BY g.key, e.key
                )
                SELECT p.key, p.n, p.mean_overall,
                       (SELECT jsonb_object_agg(c.criterion, c.mean ORDER BY c.criterion) FROM criteria c WHERE c.key = p.key)::text
                FROM groups p ORDER BY p.n DESC, p.key LIMIT ?
                """.formatted(key, join, where.sql);
        List<Aggregates.Group> groups = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, where.withArg(MAX_ROWS));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(new Aggregates.Group(rs.getString(1), rs.getLong(2), rs.getDouble(3), means(rs.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot aggregate by " + groupBy.parameter(), e);
        }
        return new Aggregates(groupBy.parameter(), filter.modelVersion(), groups);
    }

    private Map<String, Double> means(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, Double> means = new LinkedHashMap<>();
            mapper.readTree(json).fields().forEachRemaining(f -> means.put(f.getKey(), f.getValue().asDouble()));
            return means;
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable criterion means " + json, e);
        }
    }

    private String criterionScores(ActionScore score) {
        try {
            return mapper.writeValueAsString(CriterionScores.of(score));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write criterion scores", e);
        }
    }

    private static Set<String> organizations(PolicyAction action) {
        return action == null || action.targetOrganizations() == null ? Set.of()
                : new LinkedHashSet<>(action.targetOrganizations());
    }

    private static Set<String> agencies(PolicyAction action) {
        Set<String> agencies = new LinkedHashSet<>();
        if (action != null && action.leadAgency() != null) {
            agencies.add(action.leadAgency().name());
        }
        if (action != null && action.agencies() != null) {
            action.agencies().stream().filter(a -> a != null).forEach(a -> agencies.add(a.name()));
        }
        return agencies;
    }

    private record Where(String sql, List<Object> args) {
        List<Object> withArg(Object extra) {
            List<Object> all = new ArrayList<>(args);
            all.add(extra);
            return all;
        }
    }

    private static Where where(ScoreFilter f, String extraSql, Object extraArg) {
        List<String> clauses = new ArrayList<>(List.of("NOT s.retracted"));
        List<Object> args = new ArrayList<>();
        if (extraSql != null) {
            clauses.add("s." + extraSql);
            args.add(extraArg);
        }
        add(clauses, args, "s.model_version = ?", f.modelVersion());
        add(clauses, args, "s.country = ?", f.country());
        add(clauses, args, "s.action_type = ?", f.type());
        add(clauses, args, "s.organizations @> ARRAY[?]::text[]", f.organization());
        add(clauses, args, "s.agencies @> ARRAY[?]::text[]", f.agency());
        add(clauses, args, "s.occurred_on >= ?", f.from() == null ? null : Date.valueOf(f.from()));
        add(clauses, args, "s.occurred_on <= ?", f.to() == null ? null : Date.valueOf(f.to()));
        add(clauses, args, "s.overall >= ?", f.minOverall());
        return new Where(String.join(" AND ", clauses), args);
    }

    private static void add(List<String> clauses, List<Object> args, String clause, Object value) {
        if (value != null) {
            clauses.add(clause);
            args.add(value);
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> queryOne(String sql, List<Object> args, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("query failed: " + sql, e);
        }
    }

    private List<StoredScore> queryList(String sql, List<Object> args) {
        List<StoredScore> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("query failed: " + sql, e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static StoredScore row(ResultSet rs) throws SQLException {
        Date occurred = rs.getDate("occurred_on");
        return new StoredScore(
                rs.getLong("seq"),
                rs.getObject("action_id", UUID.class),
                rs.getString("model_version"),
                rs.getInt("overall"),
                rs.getString("country"),
                rs.getString("action_type"),
                occurred == null ? null : occurred.toLocalDate(),
                texts(rs.getArray("organizations")),
                texts(rs.getArray("agencies")),
                rs.getBoolean("retracted"),
                rs.getString("score_json"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
