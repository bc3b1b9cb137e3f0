package org.balloon.scoring.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.balloon.contracts.PolicyAction;

/**
 * The record, indexed the way the history factors read it (issue 14): for every factor and key, the
 * actions that count under the key ({@link HistoryFactor#basisKeys}) and the actions that read it
 * ({@link HistoryFactor#readKeys}), each in the record's order ({@link #order}).
 *
 * <p>It answers the two questions that keep history-aware scores current without touching the
 * whole record: which earlier actions an action's score can rest on ({@link #candidates}: per factor
 * and read key, the {@link HistoryFactor#nearest} in its window), and which later scores a new or
 * retracted action can change ({@link #affectedBy}: the readers of its keys that have fewer than
 * {@code nearest} other matching actions between it and them). Both cost a few tree look-ups per
 * factor and key, whatever the size of the record. Framework-free and not thread-safe: one owner
 * (the history stage's single task) changes and reads it.
 */
public final class HistoryIndex {

    private final HistoryModel model;
    private final TreeMap<String, PolicyAction> byOrder = new TreeMap<>();
    private final Map<String, String> orderOf = new HashMap<>();
    /** Per factor (same order as the model's): key → the actions that count under it. */
    private final List<Map<String, TreeMap<String, PolicyAction>>> basis = new ArrayList<>();
    /** Per factor: key → the actions that read it. */
    private final List<Map<String, TreeMap<String, PolicyAction>>> readers = new ArrayList<>();

    public HistoryIndex(HistoryModel model) {
        this.model = Objects.requireNonNull(model, "model");
        for (int i = 0; i < model.factors().size(); i++) {
            basis.add(new HashMap<>());
            readers.add(new HashMap<>());
        }
    }

    public int size() {
        return byOrder.size();
    }

    /** Every action, in the record's order. */
    public Collection<PolicyAction> all() {
        return byOrder.values();
    }

    /** The action with this id, or null when the record does not hold it. */
    public PolicyAction get(String id) {
        String order = orderOf.get(id);
        return order == null ? null : byOrder.get(order);
    }

    /** Adds (or replaces, by id) an action; answers the version it replaced, or null. */
    public PolicyAction put(PolicyAction action) {
        PolicyAction replaced = remove(action.id().toString());
        String order = order(action);
        byOrder.put(order, action);
        orderOf.put(action.id().toString(), order);
        List<HistoryFactor> factors = model.factors();
        for (int i = 0; i < factors.size(); i++) {
            HistoryFactor f = factors.get(i);
            for (String key : f.basisKeys(action)) {
                basis.get(i).computeIfAbsent(key, k -> new TreeMap<>()).put(order, action);
            }
            for (String key : f.readKeys(action)) {
                readers.get(i).computeIfAbsent(key, k -> new TreeMap<>()).put(order, action);
            }
        }
        return replaced;
    }

    /** Removes the action with this id; answers it, or null when the record does not hold it. */
    public PolicyAction remove(String id) {
        String order = orderOf.remove(id);
        if (order == null) {
            return null;
        }
        PolicyAction action = byOrder.remove(order);
        List<HistoryFactor> factors = model.factors();
        for (int i = 0; i < factors.size(); i++) {
            HistoryFactor f = factors.get(i);
            for (String key : f.basisKeys(action)) {
                drop(basis.get(i), key, order);
            }
            for (String key : f.readKeys(action)) {
                drop(readers.get(i), key, order);
            }
        }
        return action;
    }

    /**
     * The earlier actions {@code action}'s history factors can rest on, in the record's order: for every
     * factor and read key, the {@code nearest} matching actions dated before it inside the factor's window.
     * Scoring against these gives the same factors as scoring against the whole record.
     */
    public List<PolicyAction> candidates(PolicyAction action) {
        TreeMap<String, PolicyAction> out = new TreeMap<>();
        HistoryConfig c = model.config();
        List<HistoryFactor> factors = model.factors();
        String day = action.occurredOn().toString();
        for (int i = 0; i < factors.size(); i++) {
            HistoryFactor f = factors.get(i);
            LocalDate from = action.occurredOn().minusMonths(f.windowMonths(c));
            for (String key : f.readKeys(action)) {
                TreeMap<String, PolicyAction> entries = basis.get(i).get(key);
                if (entries == null) {
                    continue;
                }
                // keys below the bare date are the earlier days ("2016-01-07|..." < "2016-01-08")
                int taken = 0;
                for (Map.Entry<String, PolicyAction> e : entries.headMap(day, false).descendingMap().entrySet()) {
                    if (taken == f.nearest(c) || e.getValue().occurredOn().isBefore(from)) {
                        break;
                    }
                    out.put(e.getKey(), e.getValue());
                    taken++;
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The later actions whose score can change when {@code changed} enters or leaves the record, in the
     * record's order: for every factor and key {@code changed} counts under, the readers of the key dated
     * after it, inside the factor's window, with fewer than {@code nearest} other actions of the key
     * between the two (with that many between, {@code changed} is not among the nearest they rest on, and
     * neither is it for any later reader). Call it while {@code changed} is in the index or after it left:
     * the answer is the same.
     */
    public List<PolicyAction> affectedBy(PolicyAction changed) {
        TreeMap<String, PolicyAction> out = new TreeMap<>();
        HistoryConfig c = model.config();
        List<HistoryFactor> factors = model.factors();
        String order = order(changed);
        String nextDay = changed.occurredOn().plusDays(1).toString();
        for (int i = 0; i < factors.size(); i++) {
            HistoryFactor f = factors.get(i);
            // a month more than the window: month-end arithmetic (31 March minus a month is 29 February)
            String until = changed.occurredOn().plusMonths(f.windowMonths(c) + 1L).toString();
            for (String key : f.basisKeys(changed)) {
                TreeMap<String, PolicyAction> readersOfKey = readers.get(i).get(key);
                if (readersOfKey == null) {
                    continue;
                }
                TreeMap<String, PolicyAction> entries = basis.get(i).get(key);
                Iterator<PolicyAction> between = entries == null ? java.util.Collections.emptyIterator()
                        : entries.tailMap(order, false).values().iterator();
                PolicyAction next = between.hasNext() ? between.next() : null;
                int inBetween = 0;
                for (Map.Entry<String, PolicyAction> r : readersOfKey.subMap(nextDay, true, until, false).entrySet()) {
                    LocalDate readerDay = r.getValue().occurredOn();
                    // the key's actions after changed and dated before this reader
                    while (next != null && next.occurredOn().isBefore(readerDay)) {
                        inBetween++;
                        next = between.hasNext() ? between.next() : null;
                    }
                    if (inBetween >= f.nearest(c)) {
                        break;
                    }
                    out.put(r.getKey(), r.getValue());
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void drop(Map<String, TreeMap<String, PolicyAction>> index, String key, String order) {
        NavigableMap<String, PolicyAction> entries = index.get(key);
        if (entries != null) {
            entries.remove(order);
            if (entries.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /**
     * The record's order: occurredOn, then a hash of the title, then title and id. Actions of the same day
     * are never earlier than each other; the order within a day only decides which of them a later action
     * rests on when more than its nearest share one day. A hash spreads them: a newcomer lands anywhere in
     * its day, so it is among the nearest for the next day's actions only as often as chance says, whereas
     * titles that grow with arrival ("... 9909") would put every newcomer last and re-score the next day
     * each time. Never the id alone: ids are assigned on arrival, and the scores must not depend on them.
     * ISO dates sort as text, and "date|..." sorts after the bare date and before the next date, so a date
     * string bounds a range.
     */
    public static String order(PolicyAction action) {
        return action.occurredOn() + "|" + HexFormat.of().toHexDigits(spread(action.title())) + "|" + action.title() + "|" + action.id();
    }

    /** splitmix64's finaliser over the title's hash code: the same title always gives the same place. */
    private static long spread(String title) {
        long z = (title == null ? 0 : title.hashCode()) + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
