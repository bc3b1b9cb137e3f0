package org.balloon.events.service;

import java.util.List;
import org.balloon.events.domain.FieldProblem;

/** A request that is well-formed JSON (or a well-formed query) but breaks the contract: 400 with each bad field. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(String detail, List<FieldProblem> problems) {
        super(detail);
        this.problems = List.copyOf(problems);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(field + " " + message, List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
