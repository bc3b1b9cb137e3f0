package org.balloon.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.balloon.access.Roles;
import org.balloon.contracts.Band;
import org.balloon.contracts.Criterion;
import org.balloon.scoring.engine.CountryTable;
import org.balloon.scoring.engine.CriterionModel;
import org.balloon.scoring.engine.ModelConfig;
import org.balloon.scoring.engine.ScoringEngine;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/model")
@Tag(name = "model", description = "The active scoring model")
public class ModelResource {

    private final ModelDescription description;

    public ModelResource(ScoringEngine engine) {
        // the model is fixed for the life of the process; describe it once
        this.description = describe(engine);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The active model",
            description = "Version (declared version + hash of weights, cut-offs, rules and country table), the eight "
                    + "criteria with their weights, the bands' cut-offs, and every rule with its points, condition and the "
                    + "article's argument it rests on. Negative points mitigate.")
    @APIResponse(responseCode = "200", description = "the model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelDescription.class),
                    examples = @ExampleObject(name = "model", summary = "the model (abridged: one criterion, two rules)",
                            value = ApiExamples.MODEL)))
    public ModelDescription model() {
        return description;
    }

    static ModelDescription describe(ScoringEngine engine) {
        ModelConfig c = engine.config();
        Map<Criterion, Double> weights = engine.weights();
        List<ModelDescription.BandRange> bands = List.of(
                new ModelDescription.BandRange(Band.LOW, 0, c.moderateFrom() - 1),
                new ModelDescription.BandRange(Band.MODERATE, c.moderateFrom(), c.highFrom() - 1),
                new ModelDescription.BandRange(Band.HIGH, c.highFrom(), c.severeFrom() - 1),
                new ModelDescription.BandRange(Band.SEVERE, c.severeFrom(), 100));
        List<ModelDescription.CriterionRules> criteria = engine.criteria().stream().map((CriterionModel m) ->
                new ModelDescription.CriterionRules(m.criterion(), weights.get(m.criterion()), m.rationale(), m.passage(),
                        m.rules().stream().map(r -> new ModelDescription.RuleView(r.id(), r.points(), r.when(), r.rationale(),
                                r.passage())).toList())).toList();
        CountryTable t = engine.countries();
        List<ModelDescription.CountryFigure> countries = t.entries().values().stream()
                .sorted(java.util.Comparator.comparing(CountryTable.Entry::code))
                .map(e -> new ModelDescription.CountryFigure(e.code(), e.name(), e.score(), e.source(), e.year(),
                        e.note().isEmpty() ? null : e.note()))
                .toList();
        return new ModelDescription(engine.modelVersion(), c.declaredVersion(), engine.configurationHash(),
                "weighted mean of the eight criterion scores, round(sum(weight * score) / sum(weight)), halves up",
                weights, bands, criteria,
                new ModelDescription.CountryContext(t.version(), t.index(), t.neutralDefault(), t.neutralDefaultSource(), countries));
    }
}
