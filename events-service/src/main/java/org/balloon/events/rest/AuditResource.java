package org.balloon.events.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.balloon.access.Roles;
import org.balloon.contracts.problem.Problem;
import org.balloon.events.domain.AuditFilter;
import org.balloon.events.domain.AuditPage;
import org.balloon.events.service.AuditQueries;
import org.balloon.events.service.InvalidRequestException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Who submitted and who retracted what: for admins. */
@Path("/audit")
@Tag(name = "audit", description = "who submitted and retracted which action")
public class AuditResource {

    static final String EXAMPLE = """
            {"items":[{"at":"2026-01-05T10:20:00Z","kind":"RETRACTED","actionId":"3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11",
              "title":"Coast guard interdiction off Cartagena","principal":{"subject":"ana","name":"ana"},"reason":"entered twice"},
             {"at":"2026-01-05T10:15:30Z","kind":"SUBMITTED","actionId":"3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11",
              "title":"Coast guard interdiction off Cartagena","principal":{"subject":"ana","name":"ana"}}],
             "nextPageToken":null}""";

    private final AuditQueries audit;

    public AuditResource(AuditQueries audit) {
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The audit trail: submissions and retractions, newest first",
            description = "Filters combine with AND: principal matches the subject or the name of who did it, exactly; from "
                    + "(inclusive) and to (exclusive) are ISO-8601 instants. Pass nextPageToken as pageToken (same filters) "
                    + "for the next page.")
    @Parameter(name = "principal", description = "subject or name of the token that did it", example = "ana")
    @Parameter(name = "from", description = "at or after this instant", example = "2026-01-01T00:00:00Z")
    @Parameter(name = "to", description = "before this instant", example = "2026-02-01T00:00:00Z")
    @Parameter(name = "limit", description = "page size, 1-200, default 50")
    @Parameter(name = "pageToken", description = "nextPageToken of the previous page")
    @APIResponse(responseCode = "200", description = "one page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuditPage.class), examples = @ExampleObject(name = "page", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "a bad filter, limit or page token (named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    public AuditPage list(@RestQuery String principal, @RestQuery String from, @RestQuery String to,
            @RestQuery String limit, @RestQuery String pageToken) {
        List<Problem.FieldError> problems = new ArrayList<>();
        Instant fromAt = instant("from", from, problems);
        Instant toAt = instant("to", to, problems);
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
            problems.add(new Problem.FieldError("from", "must be before to"));
        }
        String who = principal == null || principal.isBlank() ? null : principal.strip();
        if (who != null && who.length() > 255) {
            problems.add(new Problem.FieldError("principal", "must be at most 255 characters"));
        }
        int size = 50;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > AuditQueries.MAX_PAGE_SIZE) {
                problems.add(new Problem.FieldError("limit", "must be an integer from 1 to " + AuditQueries.MAX_PAGE_SIZE));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")), problems);
        }
        return audit.list(new AuditFilter(who, fromAt, toAt), size,
                pageToken == null || pageToken.isBlank() ? null : pageToken.strip());
    }

    private static Instant instant(String name, String value, List<Problem.FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem.FieldError(name, "must be an ISO-8601 instant, e.g. 2026-01-05T10:15:30Z"));
            return null;
        }
    }
}
