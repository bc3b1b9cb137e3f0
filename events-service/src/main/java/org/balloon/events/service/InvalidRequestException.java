package org.balloon.events.service;

import java.util.List;
import org.balloon.contracts.problem.Problem;

/** A request that is well-formed JSON (or a well-formed query) but breaks the contract: 400 with each bad field. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Problem.FieldError> problems;

    public InvalidRequestException(String detail, List<Problem.FieldError> problems) {
        super(detail);
        this.problems = List.copyOf(problems);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(field + " " + message, List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> problems() {
        return problems;
    }
}
