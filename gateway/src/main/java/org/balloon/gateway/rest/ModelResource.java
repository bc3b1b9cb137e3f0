package org.balloon.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.balloon.access.Roles;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
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

/** The scoring service's model and preview, forwarded unchanged. */
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
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "The active scoring model",
            description = "Its version, the eight criteria with their weights, and every rule with its points and the "
                    + "article's rationale.")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "model", value = """
                            {"modelVersion":"2026.1","criteria":[{"criterion":"FRAGMENTATION_RISK","weight":0.15,
                             "rules":[{"rule":"FR-01","points":40,"rationale":"Kingpin removal splinters groups into more violent successors."}]}]}""")))
    @APIResponse(responseCode = "406", description = "The Accept header admits neither JSON nor problem+json",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response getModel(@HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent) {
        return Passthrough.of(Upstream.scoring(() -> scoring.model(traceparent)));
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/score-preview")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
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
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response previewScore(
            @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
            @HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent,
            byte[] body) {
        return Passthrough.of(Upstream.scoring(() -> scoring.preview(contentType, traceparent, body)));
    }
}
