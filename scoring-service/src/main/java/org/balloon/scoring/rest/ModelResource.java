package org.balloon.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.balloon.access.Roles;
import org.balloon.contracts.Band;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.problem.Problem;
import org.balloon.scoring.engine.Citation;
import org.balloon.scoring.engine.CountryTable;
import org.balloon.scoring.engine.CriterionModel;
import org.balloon.scoring.engine.ModelConfig;
import org.balloon.scoring.engine.ModelVersions;
import org.balloon.scoring.engine.ScoringEngine;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/model")
@Tag(name = "model", description = "The active scoring model")
public class ModelResource {

    static final String UNKNOWN_VERSION = "unknown-model-version";

    private final ModelVersions models;
    private final Map<String, ModelDescription> descriptions;

    public ModelResource(ModelVersions models) {
        this.models = models;
        // the models are fixed for the life of the process; describe each once
        this.descriptions = models.all().stream().collect(Collectors.toUnmodifiableMap(ScoringEngine::modelVersion,
                e -> describe(e, models)));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The active model, or the replaced one kept for comparison",
            description = "Version (declared version + hash of weights, cut-offs, rules and country table), the eight "
                    + "criteria with their weights, the bands' cut-offs, every rule with its points, condition, the release "
                    + "that added it, the article's argument it rests on and, for rules added since 2026.1, the studies or "
                    + "official records listed under citations (authors, year, title, venue, finding). Negative points mitigate.")
    @APIResponse(responseCode = "200", description = "the model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelDescription.class),
                    examples = @ExampleObject(name = "model", summary = "the model (abridged: one criterion, two rules)",
                            value = ApiExamples.MODEL)))
    @APIResponse(responseCode = "404", description = "no such model version on this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response model(
            @QueryParam("version") @Parameter(description = "a modelVersion or declared version, e.g. 2026.1; default the active model")
            String version,
            UriInfo uri) {
        if (version == null || version.isBlank()) {
            return Response.ok(descriptions.get(models.current().modelVersion())).build();
        }
        return models.find(version.strip()).map(e -> Response.ok(descriptions.get(e.modelVersion())).build())
                .orElseGet(() -> Response.status(404).type(Problem.MEDIA_TYPE)
                        .entity(Problem.of(UNKNOWN_VERSION, "Unknown model version", 404,
                                "this service has the models " + models.all().stream().map(ScoringEngine::modelVersion).toList(),
                                uri.getPath()).withErrors(List.of(new Problem.FieldError("version", "no such model: " + version))))
                        .build());
    }

    static ModelDescription describe(ScoringEngine engine, ModelVersions models) {
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
                                r.passage(), r.since(), r.studies().stream().map(Citation::key).toList())).toList())).toList();
        // every work a rule of this model cites, once, in the order rules first cite them
        List<ModelDescription.CitationView> citations = engine.criteria().stream().flatMap(m -> m.rules().stream())
                .flatMap(r -> r.studies().stream())
                .collect(Collectors.toMap(Citation::key, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream()
                .map(w -> new ModelDescription.CitationView(w.key(), w.authors(), w.year(), w.title(), w.venue(), w.finding()))
                .toList();
        CountryTable t = engine.countries();
        List<ModelDescription.CountryFigure> countries = t.entries().values().stream()
                .sorted(Comparator.comparing(CountryTable.Entry::code))
                .map(e -> new ModelDescription.CountryFigure(e.code(), e.name(), e.score(), e.source(), e.year(),
                        e.note().isEmpty() ? null : e.note()))
                .toList();
        boolean active = engine == models.current();
        String previous = active ? models.previous().map(ScoringEngine::modelVersion).orElse(null) : null;
        return new ModelDescription(engine.modelVersion(), c.declaredVersion(), engine.configurationHash(), active,
                previous,
                "weighted mean of the eight criterion scores, round(sum(weight * score) / sum(weight)), halves up",
                weights, bands, criteria, citations,
                new ModelDescription.CountryContext(t.version(), t.index(), t.neutralDefault(), t.neutralDefaultSource(), countries));
    }
}
