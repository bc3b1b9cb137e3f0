package org.balloon.scoring.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.validation.Utf8Json;
import org.balloon.scoring.messaging.FieldNames;
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
    private final Validator validator;
    private final ObjectMapper mapper;

    public PreviewResource(ScoringService scoring, Validator validator, ObjectMapper mapper) {
        this.scoring = scoring;
        this.validator = validator;
        this.mapper = mapper;
    }

    @POST
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
        Utf8Json.check(body).ifPresent(bad -> {
            throw new InvalidActionException(List.of(new Problem.FieldError(bad.field() == null ? "(body)" : bad.field(),
                    "must be UTF-8 text: " + bad.message())));
        });
        PolicyAction action = body.length == 0 ? null : mapper.readValue(body, PolicyAction.class);
        if (action == null) {
            throw new InvalidActionException(List.of(new Problem.FieldError("(body)", "an action is required")));
        }
        Set<ConstraintViolation<PolicyAction>> violations = validator.validate(action);
        if (!violations.isEmpty()) {
            throw new InvalidActionException(violations.stream()
                    .map(v -> new Problem.FieldError(FieldNames.of(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                    .toList());
        }
        return scoring.score(action, ScoringService.Source.PREVIEW);
    }
}
