package org.balloon.scoring.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.problem.Problem;
import org.balloon.contracts.validation.Utf8Json;
import org.balloon.scoring.messaging.FieldNames;

/** The contract's constraints on a posted action, as the intake applies them; a breach is a 400 naming the fields. */
@ApplicationScoped
public class ActionCheck {

    private final Validator validator;
    private final ObjectMapper mapper;

    public ActionCheck(Validator validator, ObjectMapper mapper) {
        this.validator = validator;
        this.mapper = mapper;
    }

    /** Reads a posted body strictly (UTF-8 that PostgreSQL and browsers can hold), then checks it. */
    public PolicyAction read(byte[] body) throws IOException {
        Utf8Json.check(body).ifPresent(bad -> {
            throw new InvalidActionException(List.of(new Problem.FieldError(bad.field() == null ? "(body)" : bad.field(),
                    "must be UTF-8 text: " + bad.message())));
        });
        return valid(body.length == 0 ? null : mapper.readValue(body, PolicyAction.class));
    }

    public PolicyAction valid(PolicyAction action) {
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
        return action;
    }
}
