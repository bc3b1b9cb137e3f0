package org.balloon.scoring.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The country context of {@code PARTNER_CAPACITY}: a versioned table of a cited governance index
 * (see {@code country-context/*.csv}). Plain data, loaded by {@link CountryTableLoader}.
 *
 * @param version        the table's version; part of the model hash
 * @param index          what the figures are (name, scale, publisher, year, where published)
 * @param neutralDefault the figure used where a country is missing or its figure is unknown
 * @param neutralDefaultSource where the neutral default comes from
 * @param entries        by ISO 3166-1 alpha-2 code
 * @param contentHash    hash of the table's text, so an edited figure changes the model version
 */
public record CountryTable(String version, String index, int neutralDefault, String neutralDefaultSource,
        Map<String, Entry> entries, String contentHash) {

    public CountryTable {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(neutralDefaultSource, "neutralDefaultSource");
        entries = Map.copyOf(entries);
        Objects.requireNonNull(contentHash, "contentHash");
        if (neutralDefault < 0 || neutralDefault > 100) {
            throw new IllegalArgumentException("neutral default must be 0-100: " + neutralDefault);
        }
    }

    /**
     * One row: the index figure (null when unknown) with its source and year written beside it.
     */
    public record Entry(String code, String name, Integer score, String source, Integer year, String note) {
        public boolean known() {
            return score != null;
        }
    }

    public Optional<Entry> entry(String code) {
        return Optional.ofNullable(code == null ? null : entries.get(code));
    }

    /** The figure the model uses for a country: the table's, or the documented neutral default. */
    public int effectiveScore(String code) {
        return entry(code).filter(Entry::known).map(Entry::score).orElse(neutralDefault);
    }

    /** Whether the table has a real, cited figure for the country. */
    public boolean known(String code) {
        return entry(code).filter(Entry::known).isPresent();
    }

    /** How the figure of a country reads in evidence, e.g. {@code CPI 2024 = 26/100 (Mexico)}. */
    public String describe(String code) {
        Optional<Entry> e = entry(code).filter(Entry::known);
        if (e.isPresent()) {
            return e.get().source() + " " + e.get().year() + " = " + e.get().score() + "/100 (" + e.get().name() + ")";
        }
        String who = entry(code).map(Entry::name).orElse(code);
        return "index unknown for " + who + ", neutral default " + neutralDefault + "/100 (" + neutralDefaultSource + ")";
    }
}
