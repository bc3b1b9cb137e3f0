package org.balloon.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.balloon.access.Roles;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.problem.Problem;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.domain.StoredScore;
import org.balloon.gateway.persistence.ScoreStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scores from the gateway's own store: answered even while the other services are down. */
@Path("/api/scores")
@Tag(name = "scores")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.VIEWER)
public class ScoresResource {

    static final String SCORE_EXAMPLE = """
            {"actionId":"3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11","schemaVersion":1,"modelVersion":"2026.1",
             "scoredAt":"2026-01-05T10:15:31Z","overall":64,"band":"HIGH",
             "criteria":[{"criterion":"SOVEREIGNTY_FRICTION","score":30,
               "factors":[{"rule":"SF-03","points":30,"evidence":"lethal force without partner consent"}],
               "rationale":"Unilateral force on a partner's ground costs the partner's buy-in."}],
             "action":{"title":"Strike on a go-fast boat","type":"MILITARY_STRIKE","targetCountry":"VE","occurredOn":"2025-09-02"}}""";

    private final ScoreStore store;
    private final ObjectMapper mapper;

    public ScoresResource(ScoreStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @GET
    @Path("/{actionId}")
    @Operation(summary = "The score of an action with its full breakdown",
            description = "Every criterion with its score, the rules that fired, their points and evidence, and the "
                    + "article's rationale. Defaults to the active model version (that of the most recent score), "
                    + "falling back to the latest version that scored the action; `modelVersion` asks for one version.")
    @APIResponse(responseCode = "200", description = "The score",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionScore.class),
                    examples = @ExampleObject(name = "score", value = SCORE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response getScore(
            @PathParam("actionId") @Parameter(description = "the action id", example = "3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11") String actionId,
            @QueryParam("modelVersion") @Parameter(description = "a model version other than the active one", example = "2026.1") String modelVersion) {
        UUID id = Params.uuid("actionId", actionId);
        return store.scoreOf(id, Params.blankToNull(modelVersion))
                .map(s -> Response.ok(s.json(), MediaType.APPLICATION_JSON).header("X-Event-Id", s.seq()).build())
                .orElseGet(() -> Problems.of(404, "not-found", "Not found",
                        "no score for action " + id + (modelVersion == null ? "" : " under model " + modelVersion)
                                + " (not scored yet, retracted, or unknown)",
                        "/api/scores/" + id));
    }

    @GET
    @Operation(summary = "Stored scores, newest first",
            description = "Filters as for aggregates; without `modelVersion` every version is listed. Page backwards "
                    + "with `before`. The dashboard uses this to fill its table before it opens the stream.")
    @APIResponse(responseCode = "200", description = "A page of scores",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiDocs.ScorePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response listScores(
            @BeanParam ScoreFilterParams filterParams,
            @QueryParam("modelVersion") @Parameter(description = "only this model version") String modelVersion,
            @QueryParam("limit") @Parameter(description = "page size (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) String limit,
            @QueryParam("before") @Parameter(description = "only scores with an event id below this (the previous page's nextBefore)") String before) throws IOException {
        ScoreFilter filter = filterParams.toFilter(modelVersion);
        Integer size = Params.integer("limit", limit, 1, ScoreStore.MAX_ROWS);
        int pageSize = size == null ? 50 : size;
        List<StoredScore> page = store.newest(filter, Params.sequence("before", before), pageSize);
        ObjectNode body = mapper.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (StoredScore s : page) {
            ObjectNode item = items.addObject();
            item.put("eventId", Long.toString(s.seq()));
            item.set("score", mapper.readTree(s.json()));
        }
        if (!page.isEmpty()) {
            body.put("lastEventId", Long.toString(page.get(0).seq()));
        }
        if (page.size() == pageSize) {
            body.put("nextBefore", Long.toString(page.get(page.size() - 1).seq()));
        }
        return Response.ok(mapper.writeValueAsBytes(body), MediaType.APPLICATION_JSON).build();
    }
}
