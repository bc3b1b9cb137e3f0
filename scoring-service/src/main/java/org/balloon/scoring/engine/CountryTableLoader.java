package org.balloon.scoring.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a country table: {@code # key: value} header lines ({@code version}, {@code index},
 * {@code neutral-default}, {@code neutral-default-source}), then CSV rows
 * {@code iso2,country,score,source,year,note} where score is a number 0-100 or {@code unknown}.
 * Plain Java on purpose: the engine gets the table as data, whoever loads it.
 */
public final class CountryTableLoader {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private CountryTableLoader() {
    }

    public static CountryTable fromClasspath(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = CountryTableLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no country table on the classpath at " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read country table " + resource, e);
        }
    }

    public static CountryTable parse(String text) {
        Map<String, String> meta = new HashMap<>();
        Map<String, CountryTable.Entry> entries = new HashMap<>();
        boolean header = false;
        int lineNo = 0;
        for (String raw : text.split("\\R")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    meta.put(line.substring(1, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
                continue;
            }
            if (!header) {
                if (!line.startsWith("iso2,")) {
                    throw new IllegalArgumentException("line " + lineNo + ": expected the header iso2,country,score,source,year,note");
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException("line " + lineNo + ": expected 6 fields, got " + f.length);
            }
            String code = f[0].strip();
            if (!ISO.contains(code)) {
                throw new IllegalArgumentException("line " + lineNo + ": not an ISO 3166-1 alpha-2 code: " + code);
            }
            Integer score = null;
            if (!"unknown".equalsIgnoreCase(f[2].strip())) {
                score = Integer.valueOf(f[2].strip());
                if (score < 0 || score > 100) {
                    throw new IllegalArgumentException("line " + lineNo + ": score out of 0-100: " + score);
                }
            }
            String source = f[3].strip();
            String year = f[4].strip();
            if (source.isEmpty() || year.isEmpty()) {
                // a figure without its source and year is exactly what the table must not hold
                throw new IllegalArgumentException("line " + lineNo + ": every row names its source and year");
            }
            if (entries.put(code, new CountryTable.Entry(code, f[1].strip(), score, source, Integer.valueOf(year),
                    f[5].strip())) != null) {
                throw new IllegalArgumentException("line " + lineNo + ": duplicate country " + code);
            }
        }
        return new CountryTable(require(meta, "version"), require(meta, "index"),
                Integer.parseInt(require(meta, "neutral-default")), require(meta, "neutral-default-source"),
                entries, sha256(text).substring(0, 12));
    }

    private static String require(Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("country table lacks the header line '# " + key + ": ...'");
        }
        return v;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
