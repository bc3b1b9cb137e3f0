package org.balloon.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.balloon.access.Roles;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.problem.Problem;
import org.balloon.gateway.service.ScoringForwarder;
import org.balloon.gateway.service.Upstream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scoring service's model, preview and old-versus-new comparison, forwarded unchanged. */
@Path("/api")
@Tag(name = "model")
public class ModelResource {

    private final ScoringForwarder scoring;

    public ModelResource(ScoringForwarder scoring) {
        this.scoring = scoring;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/model")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The active scoring model, or the replaced one kept for comparison",
            description = "Its version, the eight criteria with their weights, every rule with its points, the article's "
                    + "rationale, the release that added it and the studies it rests on, and the list of those studies "
                    + "(citations: authors, year, title, venue, finding).")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "model", value = """
                            {"modelVersion":"2026.2+95f3fdde","declaredVersion":"2026.2","active":true,
                             "previousModelVersion":"2026.1+9472a251","criteria":[{"criterion":"FRAGMENTATION_RISK","weight":1.0,
                             "rules":[{"id":"FR-10","points":10,"since":"2026.2","studies":["dickenson-2014"],
                             "rationale":"Killing a leader rather than capturing him is followed by more violence."}]}],
                             "citations":[{"key":"dickenson-2014","authors":"Dickenson","year":2014,
                             "title":"The Impact of Leadership Removal on Mexican Drug Trafficking Organizations",
                             "venue":"Journal of Quantitative Criminology 30(4)",
                             "finding":"Killing leaders was associated with more violence than capturing them."}]}""")))
    @APIResponse(responseCode = "404", description = "No such model version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The Accept header admits neither JSON nor problem+json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response getModel(@HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent,
            @QueryParam("version") @Parameter(description = "a model version other than the active one, e.g. 2026.1",
                    example = "2026.1") String version) {
        return Passthrough.of(Upstream.scoring(() -> scoring.model(traceparent, version)));
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/score-compare")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Score an action under the previous and the active model, side by side",
            description = "The scoring service keeps the replaced model's rules and scores the action under both on demand: "
                    + "both scores, the change per criterion and the rules that fired under only one model. Nothing is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyAction.class),
            examples = @ExampleObject(name = "interdiction", value = ActionsResource.ACTION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Both scores and what moved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "comparison", value = """
                            {"previousModelVersion":"2026.1+9472a251","currentModelVersion":"2026.2+95f3fdde","overallChange":3,
                             "criteria":[{"criterion":"BACKLASH","previous":0,"current":20,"change":20,"rulesAdded":["BA-09"],
                             "rulesRemoved":[]}],"previous":{"overall":26},"current":{"overall":29}}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", description = "The scoring service keeps no previous model",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response compareScores(
            @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
            @HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent,
            byte[] body) {
        return Passthrough.of(Upstream.scoring(() -> scoring.compare(contentType, traceparent, body)));
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/score-preview")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Score a proposed action without storing or publishing it",
            description = "The same validation as a submission; nothing is stored, published or streamed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyAction.class),
            examples = @ExampleObject(name = "interdiction", value = ActionsResource.ACTION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The score the action would get",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionScore.class),
                    examples = @ExampleObject(name = "score", value = ScoresResource.SCORE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "415", description = "Not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response previewScore(
            @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
            @HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent,
            byte[] body) {
        return Passthrough.of(Upstream.scoring(() -> scoring.preview(contentType, traceparent, body)));
    }
}
