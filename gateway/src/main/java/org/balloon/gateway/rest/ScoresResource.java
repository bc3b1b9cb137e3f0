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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

    static final String SCORES_CSV_EXAMPLE = "eventId,actionId,modelVersion,scoredAt,overall,band,title,type,targetCountry,"
            + "occurredOn,stage,leadAgency,agencies,targetOrganizations,DEMAND_UNTOUCHED,FRAGMENTATION_RISK,SOVEREIGNTY_FRICTION,"
            + "DISPLACEMENT,BACKLASH,PARTNER_CAPACITY,LEGAL_EXPOSURE,POLICY_INCOHERENCE\r\n"
            + "42,3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11,2026.1,2026-01-05T10:15:31Z,64,HIGH,Strike on a go-fast boat,"
            + "MILITARY_STRIKE,VE,2025-09-02,COMPLETED,DOD,DOD,,70,40,30,55,60,20,80,35\r\n";

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
    @APIResponse(responseCode = "200", description = "The score; `X-Trace-Id` names the trace (W3C trace id) of the request "
            + "that submitted the action, when it had one, to look it up in the tracing backend",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionScore.class),
                    examples = @ExampleObject(name = "score", value = SCORE_EXAMPLE)),
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "X-Trace-Id",
                    description = "the W3C trace id the score record carried", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response getScore(
            @PathParam("actionId") @Parameter(description = "the action id", example = "3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11") String actionId,
            @QueryParam("modelVersion") @Parameter(description = "a model version other than the active one", example = "2026.1") String modelVersion) {
        UUID id = Params.uuid("actionId", actionId);
        return store.scoreOf(id, Params.blankToNull(modelVersion))
                .map(s -> Response.ok(s.json(), MediaType.APPLICATION_JSON).header("X-Event-Id", s.seq())
                        .header("X-Trace-Id", store.traceIdOf(s.actionId(), s.modelVersion()).orElse(null)).build())
                .orElseGet(() -> Problems.of(404, "not-found", "Not found",
                        "no score for action " + id + (modelVersion == null ? "" : " under model " + modelVersion)
                                + " (not scored yet, retracted, or unknown)",
                        "/api/scores/" + id));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @Operation(summary = "Stored scores, newest first",
            description = "Filters as for aggregates; without `modelVersion` every version is listed. Page backwards "
                    + "with `before`. The dashboard uses this to fill its table before it opens the stream. "
                    + "As CSV (`Accept: text/csv` or `format=csv`) every matching score is streamed, not a page "
                    + "(`limit` still caps it): a header row, then one row per score with one column per criterion.")
    @APIResponse(responseCode = "200", description = "A page of scores, or all of them as CSV",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiDocs.ScorePage.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = SCORES_CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response listScores(
            @BeanParam ScoreFilterParams filterParams,
            @QueryParam("modelVersion") @Parameter(description = "only this model version") String modelVersion,
            @QueryParam("limit") @Parameter(description = "page size (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) String limit,
            @QueryParam("before") @Parameter(description = "only scores with an event id below this (the previous page's nextBefore)") String before,
            @QueryParam("format") @Parameter(description = "csv for a spreadsheet (same as `Accept: text/csv`); json by default",
                    schema = @Schema(enumeration = {"json", "csv"})) String format,
            @Context HttpHeaders headers) throws IOException {
        ScoreFilter filter = filterParams.toFilter(modelVersion);
        if (Csv.wanted(format, headers)) {
            Integer csvLimit = Params.integer("limit", limit, 1, Integer.MAX_VALUE);
            Long beforeSeq = Params.sequence("before", before);
            return Csv.download("balloon-scores.csv", w -> {
                Csv.writeRow(w, Csv.scoreHeader());
                store.forEachNewest(filter, beforeSeq, csvLimit, s -> Csv.writeRow(w, Csv.scoreRow(s, mapper)));
            });
        }
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
