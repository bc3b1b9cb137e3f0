package org.balloon.scoring.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which countries are close enough for pressure on one to push trafficking into the other (the
 * balloon effect): land neighbours among the theatres of the shipped history, and the trafficking
 * routes the article and the history name (the Caribbean, the Central American corridor, the eastern
 * Pacific, the West African transit, the Afghan opiate route). Part of the model's configuration
 * hash, so a change here changes the modelVersion.
 */
public final class Regions {

    private static final Map<String, Set<String>> NEIGHBOURS = new TreeMap<>();
    private static final Map<String, Set<String>> ROUTES = new TreeMap<>();

    static {
        neighbours("CO", "VE", "EC", "PE", "PA", "BR");
        neighbours("VE", "BR", "GY");
        neighbours("EC", "PE");
        neighbours("PE", "BO", "BR", "CL");
        neighbours("BO", "BR", "PY", "AR", "CL");
        neighbours("PA", "CR");
        neighbours("CR", "NI");
        neighbours("NI", "HN");
        neighbours("HN", "GT", "SV");
        neighbours("GT", "SV", "MX", "BZ");
        neighbours("MX", "US", "BZ");
        neighbours("US", "CA");
        neighbours("AF", "PK", "IR", "TJ", "UZ", "TM");
        neighbours("GW", "SN", "GN");
        neighbours("GN", "SL", "LR", "SN", "ML", "CI");
        neighbours("SL", "LR");
        neighbours("LR", "CI");
        route("Caribbean route", "VE", "CO", "DO", "HT", "JM", "BS", "TT", "PR");
        route("Central American corridor", "CO", "PA", "CR", "NI", "HN", "SV", "GT", "BZ", "MX");
        route("eastern Pacific route", "CO", "EC", "PE", "GT", "MX");
        route("West African transit", "GW", "SL", "LR", "GN", "GH", "SN", "CV", "ML", "TG");
        route("Afghan opiate route", "AF", "PK", "IR");
    }

    private Regions() {
    }

    private static void neighbours(String country, String... others) {
        for (String o : others) {
            NEIGHBOURS.computeIfAbsent(country, k -> new TreeSet<>()).add(o);
            NEIGHBOURS.computeIfAbsent(o, k -> new TreeSet<>()).add(country);
        }
    }

    private static void route(String name, String... countries) {
        ROUTES.put(name, new TreeSet<>(Set.of(countries)));
    }

    /**
     * How {@code other} relates to {@code country}: "neighbour", the name of a route both lie on, or
     * empty (unrelated, or the same country).
     */
    public static Optional<String> relation(String country, String other) {
        if (country == null || other == null || country.equals(other)) {
            return Optional.empty();
        }
        if (NEIGHBOURS.getOrDefault(country, Set.of()).contains(other)) {
            return Optional.of("neighbour");
        }
        return ROUTES.entrySet().stream().filter(e -> e.getValue().contains(country) && e.getValue().contains(other))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Every country that {@link #relation} relates to {@code country} (its neighbours and route-mates). */
    public static Set<String> related(String country) {
        if (country == null) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>(NEIGHBOURS.getOrDefault(country, Set.of()));
        ROUTES.values().stream().filter(r -> r.contains(country)).forEach(out::addAll);
        out.remove(country);
        return out;
    }

    /** The tables as text, for the model's configuration hash. */
    static String canonical() {
        return "neighbours=" + NEIGHBOURS + "\nroutes=" + ROUTES + "\n";
    }
}
