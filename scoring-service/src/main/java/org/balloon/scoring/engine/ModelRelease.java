package org.balloon.scoring.engine;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The model's releases, {@code YEAR.N} (2026.1, 2026.2, ...). A rule names the release that
 * introduced it, so a model declared as an older release scores exactly as that release did:
 * the engine keeps every earlier release's rules, and a score can be recomputed under either.
 */
public final class ModelRelease {

    /** The first release: the rules that rest on the article alone. */
    public static final String FIRST = "2026.1";
    /** Adds the mechanisms the research literature documents (Literature). */
    public static final String LITERATURE = "2026.2";

    private static final Pattern RELEASE = Pattern.compile("^[0-9]{4}\\.[0-9]+");

    private ModelRelease() {
    }

    /** Year and number of a release, e.g. {2026, 2} for "2026.2" (a suffix such as "-rc1" is ignored). */
    static int[] parse(String release) {
        Objects.requireNonNull(release, "release");
        var m = RELEASE.matcher(release);
        if (!m.find()) {
            throw new IllegalArgumentException("a release looks like 2026.2: " + release);
        }
        return Arrays.stream(m.group().split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * Whether a rule introduced in {@code since} belongs to a model declared as {@code declared}.
     * A declared version that is not a release (e.g. a local "dev") gets every rule.
     */
    static boolean atOrBefore(String since, String declared) {
        if (declared == null || !RELEASE.matcher(declared).find()) {
            return true;
        }
        int[] a = parse(since);
        int[] b = parse(declared);
        return a[0] != b[0] ? a[0] < b[0] : a[1] <= b[1];
    }
}
