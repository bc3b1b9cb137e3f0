package org.balloon.scoring.rest;

import java.util.List;
import org.balloon.contracts.problem.Problem;

/** A submitted action that breaks the contract's constraints; mapped to a 400 problem. */
public class InvalidActionException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidActionException(List<Problem.FieldError> errors) {
        super("invalid action: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
