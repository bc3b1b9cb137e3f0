package org.balloon.scoring.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The active model and the one it replaced, side by side, so that any action can be scored under
 * either on demand (the dashboard's old-versus-new comparison) without storing a second score.
 * Framework-free like the engines it holds.
 */
public final class ModelVersions {

    private final ScoringEngine current;
    private final ScoringEngine previous;

    /** @param previous the replaced model, or null when there is none to compare with */
    public ModelVersions(ScoringEngine current, ScoringEngine previous) {
        this.current = Objects.requireNonNull(current, "current");
        if (previous != null && previous.modelVersion().equals(current.modelVersion())) {
            throw new IllegalArgumentException("the previous model must differ from the current one: " + current.modelVersion());
        }
        this.previous = previous;
    }

    public ScoringEngine current() {
        return current;
    }

    public Optional<ScoringEngine> previous() {
        return Optional.ofNullable(previous);
    }

    /** Current first. */
    public List<ScoringEngine> all() {
        List<ScoringEngine> all = new ArrayList<>(List.of(current));
        previous().ifPresent(all::add);
        return List.copyOf(all);
    }

    /** The model with this full modelVersion (e.g. 2026.1+9472a251) or declared version (e.g. 2026.1). */
    public Optional<ScoringEngine> find(String version) {
        if (version == null) {
            return Optional.empty();
        }
        return all().stream().filter(e -> e.modelVersion().equals(version) || e.config().declaredVersion().equals(version))
                .findFirst();
    }
}
