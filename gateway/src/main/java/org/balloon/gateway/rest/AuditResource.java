package org.balloon.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.balloon.access.Roles;
import org.balloon.contracts.problem.Problem;
import org.balloon.gateway.service.EventsForwarder;
import org.balloon.gateway.service.Upstream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of the events service (the record of truth), for admins. */
@Path("/api/audit")
@Tag(name = "audit", description = "who submitted and retracted which action")
public class AuditResource {

    private final EventsForwarder events;

    public AuditResource(EventsForwarder events) {
        this.events = events;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who submitted and retracted what, newest first",
            description = "Every submission and retraction with the subject and name of the token that made it. Filters "
                    + "combine with AND; pass nextPageToken as pageToken (same filters) for the next page.")
    @APIResponse(responseCode = "200", description = "A page of the audit trail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "page", value = """
                            {"items":[{"at":"2026-01-05T10:20:00Z","kind":"RETRACTED","actionId":"3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11",
                              "title":"Coast guard interdiction off Cartagena","principal":{"subject":"ana","name":"ana"},
                              "reason":"entered twice"}],"nextPageToken":null}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response audit(
            @QueryParam("principal") @Parameter(description = "subject or name of who did it, exact", example = "ana") String principal,
            @QueryParam("from") @Parameter(description = "at or after this ISO-8601 instant", example = "2026-01-01T00:00:00Z") String from,
            @QueryParam("to") @Parameter(description = "before this ISO-8601 instant", example = "2026-02-01T00:00:00Z") String to,
            @QueryParam("limit") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"), example = "50") String limit,
            @QueryParam("pageToken") @Parameter(description = "nextPageToken of the previous page") String pageToken,
            @HeaderParam("traceparent") @Parameter(description = "W3C trace context") String traceparent) {
        EventsForwarder.AuditQuery q = new EventsForwarder.AuditQuery(principal, from, to, limit, pageToken);
        return Passthrough.of(Upstream.events(() -> events.audit(q, TraceHeaders.forward(traceparent))));
    }
}
