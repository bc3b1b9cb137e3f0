package org.balloon.scoring.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.balloon.contracts.PolicyAction;
import org.balloon.scoring.messaging.FieldNames;

/** The contract's constraints on a posted action, as the intake applies them; a breach is a 400 naming the fields. */
@ApplicationScoped
public class ActionCheck {

    private final Validator validator;

    public ActionCheck(Validator validator) {
        this.validator = validator;
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
