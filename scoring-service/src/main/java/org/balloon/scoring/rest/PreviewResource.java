package org.balloon.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.balloon.access.Roles;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.problem.Problem;
import org.balloon.scoring.service.ScoringService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/score-preview")
@Tag(name = "preview", description = "Score a proposed action without storing or publishing it")
public class PreviewResource {

    private final ScoringService scoring;
    private final ActionCheck check;

    public PreviewResource(ScoringService scoring, ActionCheck check) {
        this.scoring = scoring;
        this.check = check;
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Score an action with the active model",
            description = "Validates the action like the intake does and answers its score. Nothing is stored or published. "
                    + "scoredAt is now unless the action carries a receivedAt; actionId is the action's id when it has one.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyAction.class),
            examples = @ExampleObject(name = "maritime strike", summary = "a lethal strike on a vessel off Venezuela",
                    value = ApiExamples.PREVIEW_REQUEST)))
    @APIResponse(responseCode = "200", description = "the action's score",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionScore.class),
                    examples = @ExampleObject(name = "score", summary = "its score, every point explained",
                            value = ApiExamples.PREVIEW_RESPONSE)))
    @APIResponse(responseCode = "400", description = "the action is unreadable or breaks a constraint; errors name the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiExamples.PROBLEM)))
    public ActionScore preview(byte[] body) throws IOException {
        // read from bytes: Jackson alone would take overlong or surrogate UTF-8 for other text
        return scoring.score(check.read(body), ScoringService.Source.PREVIEW);
    }
}
