package org.balloon.scoring.rest;

import java.util.List;
import java.util.Map;
import org.balloon.contracts.Band;
import org.balloon.contracts.Criterion;

/**
 * What {@code GET /model} answers: a model (the active one unless another version is asked for),
 * every rule with the article's reason for it and, for rules added since 2026.1, the studies or
 * official records it rests on, listed in full under {@code citations}.
 *
 * @param active               whether this is the model the stream scores with
 * @param previousModelVersion the replaced model kept for comparison (POST /score-compare), if any
 */
public record ModelDescription(
        String modelVersion,
        String declaredVersion,
        String configurationHash,
        boolean active,
        String previousModelVersion,
        String overall,
        Map<Criterion, Double> weights,
        List<BandRange> bands,
        List<CriterionRules> criteria,
        List<CitationView> citations,
        CountryContext countryTable) {

    /** Overall scores from {@code from} to {@code to} inclusive fall in {@code band}. */
    public record BandRange(Band band, int from, int to) {
    }

    public record CriterionRules(Criterion criterion, double weight, String rationale, String passage, List<RuleView> rules) {
    }

    /**
     * A rule: negative points mitigate. {@code since} is the release that added it; {@code studies}
     * the keys of the works in {@code citations} it rests on besides the article's passage.
     */
    public record RuleView(String id, int points, String when, String rationale, String passage, String since,
            List<String> studies) {
    }

    /** A study or official record: author, year, title, venue and what it found. */
    public record CitationView(String key, String authors, int year, String title, String venue, String finding) {
    }

    public record CountryContext(String version, String index, int neutralDefault, String neutralDefaultSource,
            List<CountryFigure> countries) {
    }

    /** A country's figure (null = unknown, the neutral default applies) with its source and year. */
    public record CountryFigure(String code, String name, Integer score, String source, Integer year, String note) {
    }
}
