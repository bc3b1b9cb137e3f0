package org.balloon.scoring.rest;

import java.util.List;
import java.util.Map;
import org.balloon.contracts.Band;
import org.balloon.contracts.Criterion;

/** What {@code GET /model} answers: the active model, every rule with the article's reason for it. */
public record ModelDescription(
        String modelVersion,
        String declaredVersion,
        String configurationHash,
        String overall,
        Map<Criterion, Double> weights,
        List<BandRange> bands,
        List<CriterionRules> criteria,
        CountryContext countryTable) {

    /** Overall scores from {@code from} to {@code to} inclusive fall in {@code band}. */
    public record BandRange(Band band, int from, int to) {
    }

    public record CriterionRules(Criterion criterion, double weight, String rationale, String passage, List<RuleView> rules) {
    }

    /** A rule: negative points mitigate. */
    public record RuleView(String id, int points, String when, String rationale, String passage) {
    }

    public record CountryContext(String version, String index, int neutralDefault, String neutralDefaultSource,
            List<CountryFigure> countries) {
    }

    /** A country's figure (null = unknown, the neutral default applies) with its source and year. */
    public record CountryFigure(String code, String name, Integer score, String source, Integer year, String note) {
    }
}
