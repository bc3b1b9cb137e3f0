package org.balloon.scoring.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Factor;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.ScoreContext;

/**
 * The history-aware factors of the model (issue 14), one class each, and the context a score
 * used. Framework-free and stateless: the caller passes the earlier, non-retracted actions of the
 * record; the same action with the same earlier actions always gets the same factors.
 */
public final class HistoryModel {

    private final HistoryConfig config;
    private final List<HistoryFactor> factors = List.of(new DemandNeverTouched(), new RepeatedDecapitation(),
            new RepeatedUnilateralism(), new SustainedPressure(), new PressureNearby(), new RepeatedLethalForce(),
            new ConflictingAgencies());

    public HistoryModel(HistoryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public HistoryConfig config() {
        return config;
    }

    public List<HistoryFactor> factors() {
        return factors;
    }

    /** The factors that fired, per criterion in factor order, and the earlier actions they rest on. */
    public record Reading(Map<Criterion, List<Factor>> factors, List<PolicyAction> basis) {
    }

    /** Reads {@code action} against earlier actions of the record, in the record's order (each factor keeps to its window). */
    public Reading apply(PolicyAction action, List<PolicyAction> window) {
        Map<Criterion, List<Factor>> out = new EnumMap<>(Criterion.class);
        TreeMap<String, PolicyAction> basis = new TreeMap<>();
        for (HistoryFactor f : factors) {
            f.apply(action, window, config).ifPresent(hit -> {
                out.computeIfAbsent(f.criterion(), k -> new ArrayList<>()).add(hit.factor());
                hit.basis().forEach(a -> basis.put(a.occurredOn() + "|" + a.id(), a));
            });
        }
        return new Reading(out, List.copyOf(basis.values()));
    }

    /**
     * The record state a score used: how many earlier actions its history factors rest on, and a
     * digest of their ids in (occurredOn, id) order. An earlier action that changes no factor changes
     * no context, so it re-publishes no score.
     */
    public ScoreContext context(List<PolicyAction> basis) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (PolicyAction a : basis) {
                sha.update(String.valueOf(a.id()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return new ScoreContext(config.version(), basis.size(), HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The factors' definitions as text, for the model's hash. */
    String canonical() {
        StringBuilder b = new StringBuilder(config.canonical());
        factors.forEach(f -> b.append("history.").append(f.id()).append('|').append(f.when()).append('\n'));
        return b.toString();
    }
}
