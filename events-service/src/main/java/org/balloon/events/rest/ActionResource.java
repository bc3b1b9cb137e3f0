package org.balloon.events.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.Span;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.balloon.access.Caller;
import org.balloon.access.Roles;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.problem.Problem;
import org.balloon.contracts.tracing.RecordTracing;
import org.balloon.events.domain.AcceptedAction;
import org.balloon.events.domain.ActionFilter;
import org.balloon.events.domain.ActionPage;
import org.balloon.events.domain.BatchItem;
import org.balloon.events.domain.Retraction;
import org.balloon.events.service.ActionNotFoundException;
import org.balloon.events.service.ActionQueries;
import org.balloon.events.service.IntakeConfig;
import org.balloon.events.service.IntakeService;
import org.balloon.events.service.InvalidRequestException;
import org.balloon.events.service.MalformedJsonException;
import org.balloon.events.service.RetractionService;
import org.balloon.events.service.SubmissionReader;
import org.balloon.events.service.TooLargeException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The policy-action record over HTTP. Bodies are taken as bytes and read by {@link SubmissionReader},
 * so every failure can name its field or its parse position.
 */
@Path("/actions")
@Tag(name = "actions", description = "the record of truth for policy actions")
public class ActionResource {

    static final String NDJSON = "application/x-ndjson";
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final SubmissionReader reader;
    private final IntakeService intake;
    private final ActionQueries queries;
    private final RetractionService retractions;
    private final BodyLimits limits;
    private final IntakeMetrics metrics;
    private final int maxBatchItems;
    private final SecurityIdentity identity;

    public ActionResource(SubmissionReader reader, IntakeService intake, ActionQueries queries,
            RetractionService retractions, BodyLimits limits, IntakeMetrics metrics,
            IntakeConfig config, SecurityIdentity identity) {
        this.identity = identity;
        this.reader = reader;
        this.intake = intake;
        this.queries = queries;
        this.retractions = retractions;
        this.limits = limits;
        this.metrics = metrics;
        this.maxBatchItems = config.maxBatchItems();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Submit one policy action",
            description = "Validates the action against the contract, stores it and queues it for publishing on "
                    + "balloon.policy-actions.v1 (transactional outbox). id, receivedAt and schemaVersion are set by the "
                    + "server and are rejected when sent. Body limit: balloon.intake.max-action-bytes (512 KiB).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyAction.class),
            examples = @ExampleObject(name = "maritime interdiction", value = Examples.ACTION)))
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = false,
            description = "1-255 visible ASCII characters, remembered for balloon.idempotency.retention (24 h): the same "
                    + "key with the same body answers the original id and publishes nothing; with another body 422.")
    @Parameter(name = "traceparent", in = ParameterIn.HEADER, required = false,
            description = "W3C trace context, carried to the published record")
    @APIResponse(responseCode = "202", description = "accepted (also for an idempotent replay, with Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcceptedResponse.class),
                    examples = @ExampleObject(name = "accepted", value = Examples.ACCEPTED)))
    @APIResponse(responseCode = "400", description = "invalid action (each bad field in errors) or malformed JSON (with position)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "invalid", value = Examples.INVALID),
                        @ExampleObject(name = "malformed", value = Examples.MALFORMED)}))
    @APIResponse(responseCode = "413", description = "body over the limit", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = Examples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unsupported", value = Examples.UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = Examples.KEY_REUSED)))
    @APIResponse(responseCode = "503", description = "PostgreSQL unreachable: nothing stored or published; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", value = Examples.UNAVAILABLE)))
    public RestResponse<AcceptedResponse> submit(byte[] body, @RestHeader("Idempotency-Key") String idempotencyKey,
            @RestHeader("traceparent") String traceparent) {
        limits.check("/actions", body.length);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw InvalidRequestException.of("Idempotency-Key", "must be 1-255 visible ASCII characters");
        }
        AcceptedAction accepted = intake.submit(reader.toSubmission(reader.parse(body)), idempotencyKey, trace(traceparent),
                Caller.of(identity));
        if (!accepted.replayed()) {
            metrics.accepted("single", 1);
        }
        RestResponse.ResponseBuilder<AcceptedResponse> response = RestResponse.ResponseBuilder
                .create(RestResponse.Status.ACCEPTED, new AcceptedResponse(accepted.id(), accepted.receivedAt()))
                .header("Location", "/actions/" + accepted.id());
        if (accepted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @POST
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Submit many policy actions (JSON array or NDJSON)",
            description = "Up to balloon.intake.max-batch-items (10 000) actions, body up to balloon.intake.max-batch-bytes "
                    + "(16 MiB). Every item is checked on its own: valid ones are stored (in chunks, one transaction per "
                    + "chunk) and published even when others fail; results come in input order. In NDJSON, blank lines are "
                    + "skipped and a malformed line is a problem of that item (field \"$\"); a malformed JSON array fails the "
                    + "whole request. Batches take no Idempotency-Key: a request carrying one is refused (400), so that no "
                    + "caller retries a batch believing it safe.")
    @RequestBody(required = true, content = {
        @Content(mediaType = NDJSON, examples = @ExampleObject(name = "ndjson", value = Examples.NDJSON)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = PolicyAction.class),
                examples = @ExampleObject(name = "array", value = Examples.JSON_ARRAY))})
    @APIResponse(responseCode = "200", description = "per-item results", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchResponse.class), examples = @ExampleObject(name = "results", value = Examples.BATCH_RESULT)))
    @APIResponse(responseCode = "400", description = "malformed JSON array (with position), an empty batch, or an Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed", value = Examples.MALFORMED)))
    @APIResponse(responseCode = "413", description = "body over the byte limit or more than 10 000 items",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too large", value = Examples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "neither application/json nor application/x-ndjson",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unsupported", value = Examples.UNSUPPORTED)))
    @APIResponse(responseCode = "503", description = "PostgreSQL unreachable; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", value = Examples.UNAVAILABLE)))
    public BatchResponse submitBatch(byte[] body, @RestHeader("Content-Type") String contentType,
            @RestHeader("traceparent") String traceparent,
            @RestHeader("Idempotency-Key") @Parameter(description = "not taken: a batch with one is refused (400)") String idempotencyKey) {
        if (idempotencyKey != null) {
            // ignoring it would make a retried batch store every action twice while the caller thinks it safe
            throw InvalidRequestException.of("Idempotency-Key", "is not taken by batches: resubmit only the rejected items, "
                    + "or submit actions one by one with a key");
        }
        limits.check("/actions/batch", body.length);
        boolean ndjson = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(NDJSON);
        List<BatchItem> items = ndjson ? ndjsonItems(body) : arrayItems(body);
        List<AcceptedAction> stored = intake.submitBatch(items, trace(traceparent), Caller.of(identity));
        List<BatchResponse.Item> results = new ArrayList<>(items.size());
        int accepted = 0;
        for (BatchItem item : items) {
            AcceptedAction a = stored.get(item.index());
            if (a != null) {
                accepted++;
                results.add(new BatchResponse.Item(item.index(), item.line(), a.id(), null));
            } else {
                results.add(new BatchResponse.Item(item.index(), item.line(), null, item.problems()));
            }
        }
        metrics.accepted("batch", accepted);
        metrics.rejected("batch", "invalid", items.size() - accepted);
        return new BatchResponse(accepted, items.size() - accepted, results);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One action as stored and published, with its retraction state",
            description = "Admins also see who submitted it (submittedBy) and who retracted it (retractedBy).")
    @APIResponse(responseCode = "200", description = "the stored PolicyAction JSON plus retracted (retractedAt, retractionReason)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyAction.class),
                    examples = @ExampleObject(name = "action", value = Examples.STORED_ACTION)))
    @APIResponse(responseCode = "404", description = "no such action", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "503", description = "PostgreSQL unreachable; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", value = Examples.UNAVAILABLE)))
    public ObjectNode get(@RestPath String id) {
        return queries.find(uuid(id), identity.hasRole(Roles.ADMIN)).orElseThrow(() -> new ActionNotFoundException(id));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List actions, newest first (occurredOn, then receivedAt), filtered and paged",
            description = "Filters combine with AND. from/to are inclusive ISO dates on occurredOn; organization matches one "
                    + "of targetOrganizations, case-insensitively. Retracted actions are left out unless includeRetracted=true. "
                    + "Pass nextPageToken as pageToken (with the same filters) for the next page; the token is a keyset "
                    + "position, so pages stay stable while new actions arrive.")
    @Parameter(name = "country", description = "ISO 3166-1 alpha-2 targetCountry, e.g. CO")
    @Parameter(name = "type", description = "action type, e.g. MARITIME_INTERDICTION")
    @Parameter(name = "organization", description = "a target organization name")
    @Parameter(name = "from", description = "earliest occurredOn (inclusive), yyyy-mm-dd")
    @Parameter(name = "to", description = "latest occurredOn (inclusive), yyyy-mm-dd")
    @Parameter(name = "limit", description = "page size, 1-200, default 50")
    @Parameter(name = "pageToken", description = "nextPageToken of the previous page")
    @Parameter(name = "includeRetracted", description = "also list retracted actions (default false)")
    @APIResponse(responseCode = "200", description = "one page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionList.class), examples = @ExampleObject(name = "page", value = Examples.LIST)))
    @APIResponse(responseCode = "400", description = "a bad filter, limit or page token (named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "503", description = "PostgreSQL unreachable; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", value = Examples.UNAVAILABLE)))
    public ActionList list(@RestQuery String country, @RestQuery String type, @RestQuery String organization,
            @RestQuery String from, @RestQuery String to, @RestQuery String limit, @RestQuery String pageToken,
            @RestQuery String includeRetracted) {
        List<Problem.FieldError> problems = new ArrayList<>();
        String countryCode = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (countryCode != null && !countryCode.matches("[A-Z]{2}")) {
            problems.add(new Problem.FieldError("country", "must be an ISO 3166-1 alpha-2 code, e.g. CO"));
        }
        ActionType actionType = null;
        if (type != null && !type.isBlank()) {
            try {
                actionType = ActionType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem.FieldError("type", "must be one of " + Arrays.stream(ActionType.values())
                        .map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.add(new Problem.FieldError("from", "must not be after to"));
        }
        int size = 50;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > ActionQueries.MAX_PAGE_SIZE) {
                problems.add(new Problem.FieldError("limit", "must be an integer from 1 to " + ActionQueries.MAX_PAGE_SIZE));
            }
        }
        boolean withRetracted = false;
        if (includeRetracted != null) {
            if (!includeRetracted.equals("true") && !includeRetracted.equals("false")) {
                problems.add(new Problem.FieldError("includeRetracted", "must be true or false"));
            }
            withRetracted = includeRetracted.equals("true");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")), problems);
        }
        String org = organization == null || organization.isBlank() ? null : IntakeService.organizationKey(organization);
        ActionPage page = queries.list(new ActionFilter(countryCode, actionType, org, fromDate, toDate, withRetracted), size,
                pageToken == null || pageToken.isBlank() ? null : pageToken.strip());
        return new ActionList(page.items(), page.nextPageToken());
    }

    @POST
    @Path("/{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Retract an action",
            description = "Analysts retract the actions they submitted, admins any action. Marks the action retracted (it stays in the record) and publishes a tombstone (null value, key = id) "
                    + "after the action's own record. Retracting again answers the first retraction and publishes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RetractRequest.class), examples = @ExampleObject(name = "reason", value = Examples.RETRACT)))
    @APIResponse(responseCode = "202", description = "retracted; the tombstone is queued", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetractResponse.class),
            examples = @ExampleObject(name = "retracted", value = Examples.RETRACTED)))
    @APIResponse(responseCode = "400", description = "missing or too long reason, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "no such action", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "413", description = "body over the limit", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = Examples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unsupported", value = Examples.UNSUPPORTED)))
    @APIResponse(responseCode = "503", description = "PostgreSQL unreachable; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", value = Examples.UNAVAILABLE)))
    public RestResponse<RetractResponse> retract(@RestPath String id, byte[] body, @RestHeader("traceparent") String traceparent) {
        limits.check("/actions/retract", body.length);
        UUID actionId = uuid(id);
        RetractRequest request = reader.toRecord(reader.parse(body), RetractRequest.class);
        Retraction r = retractions.retract(actionId, request.reason().strip(), trace(traceparent),
                Caller.of(identity), identity.hasRole(Roles.ADMIN));
        return RestResponse.status(RestResponse.Status.ACCEPTED, new RetractResponse(r.id(), r.retractedAt(), r.alreadyRetracted()));
    }

    private List<BatchItem> ndjsonItems(byte[] body) {
        // split the bytes, not decoded text: a line that is not UTF-8 is refused as an item, never
        // replaced by U+FFFD (0x0A never occurs inside a multi-byte UTF-8 sequence)
        List<byte[]> lines = ndjsonLines(body);
        long nonBlank = lines.stream().filter(l -> !isBlank(l)).count();
        checkItemCount(nonBlank);
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (isBlank(lines.get(i))) {
                continue;
            }
            int index = items.size();
            int line = i + 1;
            try {
                items.add(checkedItem(index, line, reader.toSubmission(reader.parse(lines.get(i)))));
            } catch (MalformedJsonException e) {
                items.add(BatchItem.invalid(index, line, List.of(new Problem.FieldError(Problem.FieldError.WHOLE_ITEM,
                        "malformed JSON at column " + e.column() + ": " + e.getMessage()))));
            } catch (InvalidRequestException e) {
                items.add(BatchItem.invalid(index, line, e.problems()));
            }
        }
        if (items.isEmpty()) {
            throw InvalidRequestException.of(Problem.FieldError.WHOLE_ITEM, "the batch has no items");
        }
        return items;
    }

    private static List<byte[]> ndjsonLines(byte[] body) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                lines.add(Arrays.copyOfRange(body, start, end));
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private List<BatchItem> arrayItems(byte[] body) {
        JsonNode array = reader.parse(body);
        if (!array.isArray()) {
            throw InvalidRequestException.of(Problem.FieldError.WHOLE_ITEM,
                    "must be a JSON array of actions (or send application/x-ndjson)");
        }
        checkItemCount(array.size());
        if (array.isEmpty()) {
            throw InvalidRequestException.of(Problem.FieldError.WHOLE_ITEM, "the batch has no items");
        }
        List<BatchItem> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                items.add(checkedItem(i, null, reader.toSubmission(array.get(i))));
            } catch (InvalidRequestException e) {
                items.add(BatchItem.invalid(i, null, e.problems()));
            }
        }
        return items;
    }

    /** An item of a batch must fit the single-action limit too (it becomes one record on the topic). */
    private BatchItem checkedItem(int index, Integer line, org.balloon.events.domain.Submission submission) {
        int size = submission.canonicalJson().getBytes(StandardCharsets.UTF_8).length;
        if (!limits.fitsOneAction(size)) {
            return BatchItem.invalid(index, line, List.of(new Problem.FieldError(Problem.FieldError.WHOLE_ITEM,
                    "the action has " + size + " bytes; one action may have at most " + limits.maxActionBytes())));
        }
        return BatchItem.valid(index, line, submission);
    }

    private void checkItemCount(long count) {
        if (count > maxBatchItems) {
            throw new TooLargeException("the batch has " + count + " items; at most " + maxBatchItems + " are accepted per request");
        }
    }

    private static LocalDate date(String name, String value, List<Problem.FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem.FieldError(name, "must be an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }

    /** An id that is not a UUID names no action. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ActionNotFoundException(id);
        }
    }

    /**
     * What the outbox row keeps for the topic: with tracing on, this request's span (so the relay's
     * publish is its child); otherwise the caller's header, when it is a well-formed W3C traceparent.
     */
    private static String trace(String traceparent) {
        String own = RecordTracing.traceparent(Span.current());
        if (own != null) {
            return own;
        }
        return traceparent != null && TRACEPARENT.matcher(traceparent.strip()).matches() ? traceparent.strip() : null;
    }
}
