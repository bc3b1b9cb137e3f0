package org.balloon.gateway.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicBoolean;
import org.balloon.access.Quotas;
import org.balloon.access.Roles;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.service.ScoreBroadcaster;
import org.balloon.gateway.service.SseResponseWriter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The live score feed as Server-Sent Events. */
@Path("/api/stream/scores")
@Tag(name = "scores")
public class StreamResource {

    private final ScoreBroadcaster broadcaster;
    private final Quotas quotas;
    private final SecurityIdentity identity;

    public StreamResource(ScoreBroadcaster broadcaster, Quotas quotas, SecurityIdentity identity) {
        this.broadcaster = broadcaster;
        this.quotas = quotas;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Live stream of new scores (Server-Sent Events)",
            description = "Each `score` event carries an ActionScore as data and the store's sequence as id. Reconnect "
                    + "with the Last-Event-ID header (browsers do it by themselves) or `lastEventId` to receive every "
                    + "score stored after that id, then the live ones, with no gap and no repeat. Comment lines "
                    + "(`: heartbeat`) keep the connection alive. A client that falls too far behind receives a "
                    + "`disconnect` event with the reason and is closed. Try: `curl -N http://localhost:8080/api/stream/scores?country=CO`.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "events", value = """
                            : balloon score stream
                            retry: 1000

                            id: 42
                            event: score
                            data: {"actionId":"3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11","modelVersion":"2026.1","overall":64,"band":"HIGH","criteria":[]}

                            : heartbeat
                            """)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public void streamScores(
            @Context SseEventSink sink,
            @Context RoutingContext http,
            @Context Sse sse,
            @HeaderParam("Last-Event-ID") @Parameter(description = "resume after this event id", example = "42") String lastEventIdHeader,
            @QueryParam("lastEventId") @Parameter(description = "resume after this event id (for clients that cannot set headers)", example = "42") String lastEventId,
            @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2 target country", example = "CO") String country,
            @QueryParam("type") @Parameter(description = "action type", example = "MILITARY_STRIKE") String type,
            @QueryParam("minOverall") @Parameter(description = "only scores at least this high",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100")) String minOverall) {
        ScoreFilter filter = Params.filter(country, type, null, null, null, null, minOverall, null);
        Long header = Params.sequence("Last-Event-ID", lastEventIdHeader);
        Long resumeFrom = header != null ? header : Params.sequence("lastEventId", lastEventId);
        // a stream holds one of its caller's slots until the response ends, however it ends
        Runnable release = quotas.openStream(identity, http.request());
        AtomicBoolean released = new AtomicBoolean();
        http.addEndHandler(done -> {
            if (released.compareAndSet(false, true)) {
                release.run();
            }
        });
        broadcaster.open(new SseResponseWriter(sink, sse, http.response()), filter, resumeFrom);
    }
}
