package org.balloon.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.balloon.access.Roles;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.problem.Problem;
import org.balloon.gateway.domain.StoredScore;
import org.balloon.gateway.persistence.ScoreStore;
import org.balloon.gateway.service.EventsForwarder;
import org.balloon.gateway.service.Upstream;
import org.balloon.gateway.service.UpstreamResponse;
import org.balloon.gateway.service.UpstreamUnavailableException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Writes go to the events service (the record of truth), unchanged: the body as raw bytes with
 * the caller's Content-Type, the Idempotency-Key and traceparent headers; its status, body and
 * Content-Type come back as they are (Location rewritten to the public path). Reads combine the
 * events service's action with the gateway's stored score.
 */
@Path("/api/actions")
@Tag(name = "actions")
public class ActionsResource {

    static final String ACTION_EXAMPLE = """
            {"title":"Coast guard interdiction off Cartagena","type":"MARITIME_INTERDICTION","targetCountry":"CO",
             "occurredOn":"2024-05-10","theater":"TERRITORIAL_WATERS","partnerConsent":"FULL","lethalForce":false,
             "leadAgency":"DHS","substances":["COCAINE"],"targetOrganizations":["Clan del Golfo"]}""";

    private final EventsForwarder events;
    private final ScoreStore store;
    private final ObjectMapper mapper;

    public ActionsResource(EventsForwarder events, ScoreStore store, ObjectMapper mapper) {
        this.events = events;
        this.store = store;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Submit one policy action",
            description = "Validated and stored by the events service, then scored asynchronously: the score "
                    + "appears on the stream and under /api/scores/{id} within moments. With an Idempotency-Key, "
                    + "repeating the same request answers the first result; the same key with another body is 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyAction.class),
            examples = @ExampleObject(name = "interdiction", value = ACTION_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Accepted; scoring follows",
            headers = @Header(name = "Location", description = "/api/actions/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiDocs.Accepted.class),
                    examples = @ExampleObject(name = "accepted",
                            value = "{\"id\":\"3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11\",\"receivedAt\":\"2026-01-05T10:15:30Z\"}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response submit(
            @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
            @HeaderParam("Idempotency-Key") @Parameter(description = "makes retries safe: the same key and body answer the first result",
                    example = "b7e7d2de-5f53-4f3c-8f9e-2f8f7a0f1c11") String idempotencyKey,
            @HeaderParam("traceparent") @Parameter(description = "W3C trace context, carried to the topics",
                    example = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01") String traceparent,
            byte[] body) {
        String key = Params.blankToNull(idempotencyKey);
        return Passthrough.of(Upstream.events(() -> key == null
                ? events.submit(contentType, TraceHeaders.forward(traceparent), body)
                : events.submitIdempotent(contentType, key, TraceHeaders.forward(traceparent), body)));
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Submit many policy actions",
            description = "A JSON array or NDJSON (application/x-ndjson, one action per line). Every item is "
                    + "validated on its own: valid ones are accepted, invalid ones are reported with their problems. "
                    + "A batch takes no Idempotency-Key (400 when sent): retrying a batch is not safe, so resubmit only "
                    + "the rejected items, or submit one by one with keys.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PolicyAction.class),
                    examples = @ExampleObject(name = "array", value = "[" + ACTION_EXAMPLE + "]")),
            // the NDJSON example is set by OpenApiFilter: an annotation's value would be parsed as one JSON object
            @Content(mediaType = OpenApiFilter.NDJSON, schema = @Schema(type = SchemaType.STRING,
                    description = "one PolicyAction JSON object per line"))})
    @APIResponse(responseCode = "200", description = "Per-item results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiDocs.BatchResult.class),
                    examples = @ExampleObject(name = "mixed", value = """
                            {"accepted":1,"rejected":1,"results":[{"index":0,"id":"3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11"},
                             {"index":1,"problems":[{"field":"targetCountry","message":"must be an ISO 3166-1 alpha-2 code"}]}]}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither JSON nor NDJSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response submitBatch(
            @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
            @HeaderParam("Idempotency-Key") @Parameter(description = "not taken: a batch carrying one is refused with 400") String idempotencyKey,
            @HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent,
            byte[] body) {
        return Passthrough.of(Upstream.events(() -> events.submitBatch(contentType, Params.blankToNull(idempotencyKey),
                TraceHeaders.forward(traceparent), body)));
    }

    @POST
    @Path("/{id}/retract")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Retract an action",
            description = "Analysts retract the actions they submitted (403 for another's), admins any action. The action is withdrawn: its score leaves every aggregate, query and replay shortly after.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiDocs.Retraction.class),
            examples = @ExampleObject(name = "duplicate", value = "{\"reason\":\"entered twice\"}")))
    @APIResponse(responseCode = "202", description = "Retraction accepted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response retract(
            @PathParam("id") @Parameter(description = "the action id", example = "3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11") String id,
            @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
            @HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent,
            byte[] body) {
        return Passthrough.of(Upstream.events(() -> events.retract(id, contentType, TraceHeaders.forward(traceparent), body)));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "An action and its latest score",
            description = "The action comes from the events service (with its retraction state); the score from the "
                    + "gateway's store (absent until scored). When the events service is unavailable the action is "
                    + "taken from the stored score's copy (source = score-store).")
    @APIResponse(responseCode = "200", description = "The action, with its score when scored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiDocs.ActionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response getAction(
            @PathParam("id") @Parameter(description = "the action id", example = "3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11") String id,
            @HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent) throws IOException {
        UUID actionId = Params.uuid("id", id);
        Optional<StoredScore> score = store.scoreOf(actionId, null);
        ObjectNode view = mapper.createObjectNode();
        try {
            UpstreamResponse up = Upstream.events(() -> events.get(actionId.toString(), TraceHeaders.forward(traceparent)));
            if (up.status() != 200) {
                return Passthrough.of(up);
            }
            view.set("action", mapper.readTree(up.body()));
            view.put("source", "events-service");
        } catch (UpstreamUnavailableException e) {
            if (score.isEmpty()) {
                throw e;
            }
            view.set("action", mapper.readTree(score.get().json()).path("action"));
            view.put("source", "score-store");
        }
        if (score.isPresent()) {
            view.set("score", mapper.readTree(score.get().json()));
        }
        return Response.ok(mapper.writeValueAsBytes(view), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List actions, newest first",
            description = "Listed by the events service (the record of truth, so actions not scored yet are included) "
                    + "and paged with its page token; each item carries its latest score summary from the gateway's store.")
    @APIResponse(responseCode = "200", description = "A page of actions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiDocs.ActionPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response listActions(
            @BeanParam ActionFilterParams filter,
            @QueryParam("limit") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"), example = "50") String limit,
            @QueryParam("pageToken") @Parameter(description = "nextPageToken of the previous page") String pageToken,
            @HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent) throws IOException {
        EventsForwarder.ListQuery q = new EventsForwarder.ListQuery(filter.country, filter.type, filter.organization, filter.from,
                filter.to, limit, pageToken);
        UpstreamResponse up = Upstream.events(() -> events.list(q, TraceHeaders.forward(traceparent)));
        if (up.status() != 200) {
            return Passthrough.of(up);
        }
        JsonNode page = mapper.readTree(up.body());
        if (page.path("items").isArray()) {
            addScoreSummaries((ArrayNode) page.get("items"));
        }
        return Response.ok(mapper.writeValueAsBytes(page), MediaType.APPLICATION_JSON).build();
    }

    private void addScoreSummaries(ArrayNode items) throws IOException {
        // an item without a readable id simply gets no score summary
        List<UUID> ids = new ArrayList<>();
        items.forEach(item -> Optional.ofNullable(parse(item.path("id").asText())).ifPresent(ids::add));
        Map<UUID, StoredScore> scores = store.latestScores(ids);
        for (JsonNode item : items) {
            StoredScore s = item.isObject() ? scores.get(parse(item.path("id").asText())) : null;
            if (s != null) {
                JsonNode full = mapper.readTree(s.json());
                ObjectNode summary = mapper.createObjectNode();
                summary.set("overall", full.path("overall"));
                summary.set("band", full.path("band"));
                summary.set("modelVersion", full.path("modelVersion"));
                summary.set("scoredAt", full.path("scoredAt"));
                ((ObjectNode) item).set("score", summary);
            }
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
