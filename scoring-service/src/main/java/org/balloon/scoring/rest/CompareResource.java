package org.balloon.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.balloon.access.Roles;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.problem.Problem;
import org.balloon.scoring.engine.ModelVersions;
import org.balloon.scoring.engine.ScoringEngine;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Scores an action under the replaced model and the active one on demand. Nothing is stored: the
 * engine keeps the replaced release's rules, so the old score is recomputed rather than looked up,
 * which also works for actions whose stored score was already replaced by a re-score.
 */
@Path("/score-compare")
@Tag(name = "preview")
public class CompareResource {

    static final String NO_PREVIOUS = "no-previous-model";

    private final ModelVersions models;
    private final ActionCheck check;

    public CompareResource(ModelVersions models, ActionCheck check) {
        this.models = models;
        this.check = check;
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Score an action under the previous and the active model, side by side",
            description = "Validates the action like a preview, scores it under both models and answers both scores with "
                    + "the change per criterion and the rules that fired under only one model. Nothing is stored or published.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyAction.class),
            examples = @ExampleObject(name = "maritime strike", value = ApiExamples.PREVIEW_REQUEST)))
    @APIResponse(responseCode = "200", description = "both scores and what moved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreComparison.class)))
    @APIResponse(responseCode = "400", description = "the action is unreadable or breaks a constraint; errors name the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "this service keeps no previous model to compare with",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response compare(PolicyAction action, UriInfo uri) {
        PolicyAction valid = check.valid(action);
        if (models.previous().isEmpty()) {
            return Response.status(409).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(NO_PREVIOUS, "No previous model", 409,
                            "balloon.model.previous-version is not set, so only " + models.current().modelVersion() + " is kept",
                            uri.getPath()))
                    .build();
        }
        ScoringEngine previous = models.previous().get();
        return Response.ok(ScoreComparison.of(previous.score(valid), models.current().score(valid))).build();
    }
}
